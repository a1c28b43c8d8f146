package dev.loopscope.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code queue.SimpleQueue} shared by the threads of one process, with the waking rules of CPython 3.12's
 * {@code _queue} module: a list of items, one lock that blocked getters wait on, and a flag that says the lock
 * was taken by a getter. A getter that finds the list empty takes the lock (if it is free) and then blocks
 * trying to take it again. {@code put} releases the lock only while the flag is set, and clears it; a getter that
 * took the lock and then pops an item releases it too. So a put wakes one blocked getter, further puts wake
 * nobody until that getter has run, and the woken getter wakes the next one only when it pops its item. Items
 * put meanwhile wait in the list for whichever thread asks next, usually the thread that holds the GIL: a burst
 * of quick calls goes to one thread, not one item to each waiting thread.
 */
final class SimpleQueue<T> {

    private final ArrayDeque<T> items = new ArrayDeque<>();
    private final WaitList blocked = new WaitList();
    /** The C lock: taken by the getter that found the queue empty, and held while getters wait on it. */
    private boolean lockTaken;
    /** {@code self->locked}: a put must release the lock to wake a getter. */
    private boolean releaseOnPut;

    void put(T item) {
        items.add(item);
        releaseIfTaken();
    }

    /**
     * {@code get_nowait()} (and one try of a blocking {@code get()}): the next item, or null when the queue is
     * empty, in which case the caller has taken the lock if it was free, as CPython's getter does before it
     * gives up or blocks.
     */
    T poll() {
        T item = items.poll();
        if (item != null) {
            releaseIfTaken();
        } else if (!lockTaken) {
            lockTaken = true;
            releaseOnPut = true;
        }
        return item;
    }

    private void releaseIfTaken() {
        if (releaseOnPut) {
            releaseOnPut = false;
            // Released with a waiter: that waiter now holds it.
            if (blocked.wake(1) == 0) {
                lockTaken = false;
            }
        }
    }

    /** A blocking getter, after {@link #poll()} found nothing: waits until a put releases the lock to it. */
    Waitable waitForPut(Simulation sim) {
        return blocked.waiter(sim, -1);
    }

    /** A getter woken from {@link #waitForPut} runs again: it holds the lock, and releases it with its item. */
    void woken() {
        releaseOnPut = true;
    }

    /** Removes and returns every item waiting, oldest first. */
    List<T> drain() {
        List<T> out = new ArrayList<>(items);
        items.clear();
        return out;
    }
}
