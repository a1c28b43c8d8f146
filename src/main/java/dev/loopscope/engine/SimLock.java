package dev.loopscope.engine;

/**
 * A lock shared by the threads of a process: {@code _thread.lock} ({@code threading.Lock}), or, when
 * reentrant, {@code _thread.RLock}, which its owner may acquire again and must release as often. Blocking
 * releases the GIL; a released lock is not handed to a waiter, which tries again when it runs.
 */
public final class SimLock {

    private final WaitList waiting;
    private final boolean reentrant;
    private SimThread owner;
    private int count;

    public SimLock(boolean reentrant) {
        this.waiting = new WaitList();
        this.reentrant = reentrant;
    }

    public boolean isReentrant() {
        return reentrant;
    }

    public boolean isLocked() {
        return count > 0;
    }

    /** The thread that acquired it last (reentrant locks: the owner), or null when unlocked. */
    public SimThread owner() {
        return owner;
    }

    /** How many times the owner holds it (1 at most for a plain lock). */
    public int count() {
        return count;
    }

    /** Takes the lock if that needs no wait. */
    public boolean tryAcquire(SimThread t) {
        if (count == 0) {
            owner = t;
            count = 1;
            return true;
        }
        if (reentrant && owner == t) {
            count++;
            return true;
        }
        return false;
    }

    /**
     * {@code acquire(timeout=...)} as an activity of the acquiring thread: {@code Returned(TRUE)} once it holds
     * the lock, {@code Returned(FALSE)} when {@code timeoutNs} passes first (negative: wait as long as it takes).
     */
    public Activity acquire(long timeoutNs) {
        return waiting.retrying(ctx -> tryAcquire(ctx.thread()), timeoutNs, "lock.acquire");
    }

    /**
     * {@code release()} by thread {@code t}: false (and no change) when the lock is not held, or, for a
     * reentrant lock, held by another thread.
     */
    public boolean release(SimThread t) {
        if (count == 0 || (reentrant && owner != t)) {
            return false;
        }
        count--;
        if (count == 0) {
            owner = null;
            waiting.wake(1);
        }
        return true;
    }

    /**
     * {@code RLock._release_save()} by its owner {@code t}: releases every level at once and returns how many
     * there were (0, and no change, when {@code t} does not hold it).
     */
    public int releaseAll(SimThread t) {
        if (count == 0 || owner != t) {
            return 0;
        }
        int levels = count;
        count = 1;
        release(t);
        return levels;
    }

    /** {@code RLock._acquire_restore()}: the owner, having acquired it once again, holds it {@code levels} times. */
    public void restoreLevels(SimThread t, int levels) {
        if (owner == t && count > 0) {
            count = Math.max(1, levels);
        }
    }

    /** Threads blocked in {@code acquire}. */
    public int waiters() {
        return waiting.size();
    }
}
