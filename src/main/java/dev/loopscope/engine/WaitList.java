package dev.loopscope.engine;

import java.util.ArrayDeque;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Simulated threads blocked until another thread notifies them, oldest first, each with an optional deadline:
 * the waiting behind CPython's {@code _thread} locks and {@code threading}'s condition variables.
 *
 * <p>A notified thread only becomes ready to run; whatever it waited for is checked again when it does run,
 * because another thread may have taken the lock or the permit meanwhile. CPython's locks hand nothing over
 * either: a thread that releases a lock and at once acquires it again usually gets it back.
 */
public final class WaitList {

    /** What a waiter completes with: notified in time, or its deadline passed first. */
    public static final Completion NOTIFIED = new Completion.Returned(Boolean.TRUE);
    public static final Completion TIMED_OUT = new Completion.Returned(Boolean.FALSE);

    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();

    /** Threads waiting now (a notified thread no longer counts). */
    public int size() {
        return waiters.size();
    }

    /**
     * A waitable for one blocked thread, added at the end of the list: {@link #NOTIFIED} once notified,
     * {@link #TIMED_OUT} at virtual time {@code deadline} of {@code sim} if that comes first (a negative
     * deadline: none).
     */
    public Waitable waiter(Simulation sim, long deadline) {
        Waiter w = new Waiter();
        waiters.add(w);
        if (deadline >= 0) {
            sim.at(deadline, () -> {
                if (!w.isDone()) {
                    waiters.remove(w);
                    w.complete(TIMED_OUT);
                }
            });
        }
        return w;
    }

    /** Wakes up to {@code n} waiters, oldest first; returns how many were woken up. */
    public int wake(int n) {
        int woken = 0;
        while (woken < n && !waiters.isEmpty()) {
            waiters.poll().complete(NOTIFIED);
            woken++;
        }
        return woken;
    }

    /** Wakes every waiter. */
    public int wakeAll() {
        return wake(Integer.MAX_VALUE);
    }

    /**
     * An activity that retries {@code attempt} until it succeeds, waiting in this list between tries:
     * {@code Returned(TRUE)} once it succeeded, {@code Returned(FALSE)} when {@code timeoutNs} (negative: no
     * limit) has passed first. A timeout of zero makes one attempt.
     */
    public Activity retrying(Predicate<ExecContext> attempt, long timeoutNs, String label) {
        return new Activity() {
            private long deadline = Long.MIN_VALUE;

            @Override
            public Outcome run(ExecContext ctx, Completion resumed) {
                if (attempt.test(ctx)) {
                    return new Outcome.Done(NOTIFIED);
                }
                if (deadline == Long.MIN_VALUE) {
                    deadline = timeoutNs < 0 ? -1 : ctx.now() + timeoutNs;
                }
                if (deadline >= 0 && (resumed == TIMED_OUT || ctx.now() >= deadline)) {
                    return new Outcome.Done(TIMED_OUT);
                }
                return new Outcome.Wait(waiter(ctx.simulation(), deadline));
            }

            @Override
            public String label() {
                return label;
            }
        };
    }

    private static final class Waiter implements Waitable {
        private Completion completion;
        private Consumer<Completion> listener;

        void complete(Completion c) {
            completion = c;
            if (listener != null) {
                Consumer<Completion> l = listener;
                listener = null;
                l.accept(c);
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
