package dev.loopscope.engine;

/**
 * A flag threads wait for ({@code threading.Event}): {@code set()} wakes every waiting thread, and a thread
 * that waits while it is set does not block.
 */
public final class SimEvent {

    private final WaitList waiting;
    private boolean flag;

    public SimEvent() {
        this.waiting = new WaitList();
    }

    public boolean isSet() {
        return flag;
    }

    public void set() {
        flag = true;
        waiting.wakeAll();
    }

    public void clear() {
        flag = false;
    }

    /**
     * {@code wait(timeout)} as an activity: {@code Returned(TRUE)} at once when set, or when woken by
     * {@code set()} (even if cleared again before this thread runs, as in CPython); {@code Returned(FALSE)}
     * when {@code timeoutNs} passes first (negative: no limit).
     */
    public Activity await(long timeoutNs) {
        return new Activity() {
            @Override
            public Outcome run(ExecContext ctx, Completion resumed) {
                if (resumed != null) {
                    return new Outcome.Done(resumed);
                }
                if (flag) {
                    return new Outcome.Done(WaitList.NOTIFIED);
                }
                if (timeoutNs == 0) {
                    return new Outcome.Done(WaitList.TIMED_OUT);
                }
                return new Outcome.Wait(waiting.waiter(ctx.simulation(), timeoutNs < 0 ? -1 : ctx.now() + timeoutNs));
            }

            @Override
            public String label() {
                return "Event.wait";
            }
        };
    }

    public int waiters() {
        return waiting.size();
    }
}
