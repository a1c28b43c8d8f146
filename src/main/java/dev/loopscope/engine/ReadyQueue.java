package dev.loopscope.engine;

import java.util.Arrays;

/**
 * The loop's FIFO of ready callbacks, as parallel arrays in a ring. Most callbacks (task steps, done
 * callbacks) need no {@link Handle} object: a loop iteration may queue hundreds of thousands of them, and
 * objects that live for a whole iteration are the costly kind for the garbage collector.
 */
final class ReadyQueue {

    private Callback[] callbacks = new Callback[16];
    private int[] ids = new int[16];
    /** The handle object, when one was handed out (it may be cancelled); else null. */
    private Handle[] handles = new Handle[16];
    private int head;
    private int size;

    /** What {@link #poll} took off the queue. */
    Callback polledCallback;
    int polledId;
    Handle polledHandle;

    void add(int id, Callback callback, Handle handle) {
        if (size == callbacks.length) {
            grow();
        }
        int at = (head + size) & (callbacks.length - 1);
        callbacks[at] = callback;
        ids[at] = id;
        handles[at] = handle;
        size++;
    }

    /** Takes the oldest entry into the {@code polled*} fields. */
    void poll() {
        if (size == 0) {
            throw new IllegalStateException("empty ready queue");
        }
        polledCallback = callbacks[head];
        polledId = ids[head];
        polledHandle = handles[head];
        callbacks[head] = null;
        handles[head] = null;
        head = (head + 1) & (callbacks.length - 1);
        size--;
    }

    int size() {
        return size;
    }

    /** Every callback still queued, oldest first. */
    void forEach(java.util.function.Consumer<Callback> action) {
        for (int k = 0; k < size; k++) {
            int at = (head + k) & (callbacks.length - 1);
            if (handles[at] == null || !handles[at].cancelled) {
                action.accept(callbacks[at]);
            }
        }
    }

    boolean isEmpty() {
        return size == 0;
    }

    private void grow() {
        int n = callbacks.length;
        Callback[] c = new Callback[n * 2];
        int[] i = new int[n * 2];
        Handle[] h = new Handle[n * 2];
        for (int k = 0; k < size; k++) {
            int from = (head + k) & (n - 1);
            c[k] = callbacks[from];
            i[k] = ids[from];
            h[k] = handles[from];
        }
        callbacks = c;
        ids = i;
        handles = h;
        head = 0;
        Arrays.fill(callbacks, size, callbacks.length, null);
    }
}
