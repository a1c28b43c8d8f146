package dev.loopscope.engine;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * A blocking FIFO queue between the processes of a process pool (a {@code multiprocessing} queue, whose readers
 * take turns under one lock): a getter blocks until an item arrives; items go to blocked getters in the order
 * they started waiting. Threads of one process share a {@link SimpleQueue} instead.
 */
final class WorkQueue<T> {

    private final ArrayDeque<T> items = new ArrayDeque<>();
    private final ArrayDeque<Getter> getters = new ArrayDeque<>();

    void put(T item) {
        Getter g = getters.poll();
        if (g != null) {
            g.deliver(item);
        } else {
            items.add(item);
        }
    }

    /** The next item, or null when the caller must wait on {@link #waitForItem()}. */
    T poll() {
        return items.poll();
    }

    /** Removes and returns the items waiting after the first {@code keep}, oldest first. */
    java.util.List<T> drainAfter(int keep) {
        java.util.List<T> out = new java.util.ArrayList<>();
        java.util.Iterator<T> it = items.iterator();
        for (int i = 0; it.hasNext(); i++) {
            T item = it.next();
            if (i >= keep) {
                out.add(item);
                it.remove();
            }
        }
        return out;
    }

    /** A waitable whose completion is {@code Returned(item)}. */
    Waitable waitForItem() {
        Getter g = new Getter();
        getters.add(g);
        return g;
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    private final class Getter implements Waitable {
        private Completion completion;
        private Consumer<Completion> listener;

        void deliver(T item) {
            completion = new Completion.Returned(item);
            if (listener != null) {
                listener.accept(completion);
            }
        }

        @Override
        public boolean isDone() {
            return completion != null;
        }

        @Override
        public Completion completion() {
            return completion;
        }

        @Override
        public void onDone(Consumer<Completion> whenDone) {
            if (completion != null) {
                whenDone.accept(completion);
            } else {
                listener = whenDone;
            }
        }
    }
}
