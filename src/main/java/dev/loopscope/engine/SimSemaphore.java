package dev.loopscope.engine;

/**
 * A counter of permits shared by threads ({@code threading.Semaphore}): acquiring takes a permit, waiting
 * while there is none; releasing {@code n} adds {@code n} and wakes up to {@code n} waiters, which take a
 * permit when they run if one is still there.
 */
public final class SimSemaphore {

    private final WaitList waiting;
    private long value;

    public SimSemaphore(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative semaphore value: " + value);
        }
        this.waiting = new WaitList();
        this.value = value;
    }

    public long value() {
        return value;
    }

    public boolean tryAcquire() {
        if (value > 0) {
            value--;
            return true;
        }
        return false;
    }

    /** {@code acquire(timeout=...)}: {@code Returned(TRUE)} with a permit, {@code Returned(FALSE)} on timeout. */
    public Activity acquire(long timeoutNs) {
        return waiting.retrying(ctx -> tryAcquire(), timeoutNs, "Semaphore.acquire");
    }

    /**
     * {@code release(n)}; with a {@code bound} (negative: none), false and no change when the value would
     * pass it ({@code BoundedSemaphore}).
     */
    public boolean release(long n, long bound) {
        if (bound >= 0 && value + n > bound) {
            return false;
        }
        value += n;
        waiting.wake((int) Math.min(n, Integer.MAX_VALUE));
        return true;
    }

    public int waiters() {
        return waiting.size();
    }
}
