package dev.loopscope.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopscope.engine.trace.ThreadRole;
import dev.loopscope.engine.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The waitables behind threading's locks, events, semaphores and joins, driven by plain engine threads. */
class ThreadWaitablesTest {

    private static final long MS = Settings.MS;

    /** One step of a thread: an outcome to hand to the engine, or null to go straight on. */
    interface Step {
        Outcome run(ExecContext ctx, Completion previous);
    }

    /** An activity that runs its steps in order; each gets the completion of the previous step's outcome. */
    static Activity steps(Step... steps) {
        return new Activity() {
            private int next;

            @Override
            public Outcome run(ExecContext ctx, Completion resumed) {
                Completion previous = resumed;
                while (next < steps.length) {
                    Outcome o = steps[next++].run(ctx, previous);
                    previous = null;
                    if (o != null) {
                        return o;
                    }
                }
                return new Outcome.Done(new Completion.Returned(null));
            }
        };
    }

    private final List<String> log = new ArrayList<>();
    private Simulation sim;

    private Trace run(Step... main) {
        sim = new Simulation(Settings.defaults().withoutOverheads(), new JavaBridge());
        return sim.run(steps(main));
    }

    private Step note(String text) {
        return (ctx, prev) -> {
            log.add(ctx.now() / MS + "ms " + ctx.thread().name() + " " + text);
            return null;
        };
    }

    /** Logs the Boolean the previous step's activity finished with. */
    private Step noteResult(String what) {
        return (ctx, prev) -> {
            log.add(ctx.now() / MS + "ms " + ctx.thread().name() + " " + what + " "
                    + ((Completion.Returned) prev).value());
            return null;
        };
    }

    private static Step sleep(long ms) {
        return (ctx, prev) -> new Outcome.Sleep(ms * MS);
    }

    private static Step call(java.util.function.Supplier<Activity> activity) {
        return (ctx, prev) -> new Outcome.Call(activity.get());
    }

    private Step start(String name, boolean daemon, Step... body) {
        return (ctx, prev) -> {
            started.add(sim.startThread(ctx.process(), name, ThreadRole.USER, daemon, steps(body)));
            return null;
        };
    }

    private final List<SimThread> started = new ArrayList<>();

    private Step join(int index) {
        return (ctx, prev) -> new Outcome.Call(started.get(index).join(-1));
    }

    @Test
    void aBlockedAcquireGetsTheLockWhenItIsReleasedAndATimedOneGivesUp() {
        SimLock lock = new SimLock(false);
        run(
                (ctx, p) -> {
                    assertThat(lock.tryAcquire(ctx.thread())).isTrue();
                    return null;
                },
                start("B", false, call(() -> lock.acquire(-1)), noteResult("acquired")),
                start("C", false, call(() -> lock.acquire(50 * MS)), noteResult("acquired")),
                sleep(100),
                note("releases"),
                (ctx, p) -> {
                    assertThat(lock.release(ctx.thread())).isTrue();
                    return null;
                },
                join(0), join(1),
                (ctx, p) -> {
                    assertThat(lock.release(ctx.thread())).as("a plain lock may be released by any thread").isTrue();
                    assertThat(lock.release(ctx.thread())).as("releasing an unlocked lock").isFalse();
                    return null;
                });
        assertThat(log).containsExactly("50ms C acquired false", "100ms MainThread releases", "100ms B acquired true");
        assertThat(lock.isLocked()).isFalse();
    }

    @Test
    void aReleasedLockIsNotHandedOverSoTheReleaserCanTakeItBack() {
        SimLock lock = new SimLock(false);
        run(
                (ctx, p) -> {
                    lock.tryAcquire(ctx.thread());
                    return null;
                },
                start("B", false, note("waits"), call(() -> lock.acquire(-1)), noteResult("acquired")),
                sleep(10),
                (ctx, p) -> {
                    // Release and take it again in the same slice: the woken waiter finds it taken and waits on.
                    lock.release(ctx.thread());
                    assertThat(lock.tryAcquire(ctx.thread())).isTrue();
                    return null;
                },
                sleep(10),
                note("releases for good"),
                (ctx, p) -> {
                    lock.release(ctx.thread());
                    return null;
                },
                join(0));
        assertThat(log).containsExactly("0ms B waits", "20ms MainThread releases for good", "20ms B acquired true");
    }

    @Test
    void aReentrantLockCountsItsOwnersAcquisitionsAndRefusesOtherReleasers() {
        SimLock rlock = new SimLock(true);
        run(
                (ctx, p) -> {
                    assertThat(rlock.tryAcquire(ctx.thread())).isTrue();
                    assertThat(rlock.tryAcquire(ctx.thread())).isTrue();
                    assertThat(rlock.count()).isEqualTo(2);
                    return null;
                },
                start("B", false, (ctx, p) -> {
                    assertThat(rlock.tryAcquire(ctx.thread())).isFalse();
                    assertThat(rlock.release(ctx.thread())).isFalse();
                    return null;
                }, call(() -> rlock.acquire(-1)), noteResult("acquired")),
                sleep(10),
                (ctx, p) -> {
                    rlock.release(ctx.thread());
                    return null;
                },
                note("released once"),
                sleep(10),
                note("releases again"),
                (ctx, p) -> {
                    rlock.release(ctx.thread());
                    return null;
                },
                join(0));
        assertThat(log).containsExactly("10ms MainThread released once", "20ms MainThread releases again",
                "20ms B acquired true");
        assertThat(rlock.owner().name()).isEqualTo("B");
    }

    @Test
    void settingAnEventWakesEveryWaiterAndAWaitWithATimeoutCanEndFalse() {
        SimEvent ev = new SimEvent();
        run(
                start("W1", false, call(() -> ev.await(-1)), noteResult("woke")),
                start("W2", false, call(() -> ev.await(-1)), noteResult("woke")),
                start("W3", false, call(() -> ev.await(30 * MS)), noteResult("woke")),
                sleep(50),
                (ctx, p) -> {
                    assertThat(ev.waiters()).isEqualTo(2);
                    ev.set();
                    ev.clear();
                    return null;
                },
                join(0), join(1), join(2),
                call(() -> ev.await(0)), noteResult("cleared, no wait"),
                (ctx, p) -> {
                    ev.set();
                    return null;
                },
                call(() -> ev.await(-1)), noteResult("already set"));
        // Woken by set() even though the flag was cleared before they ran, as CPython's Event.wait does.
        assertThat(log).containsExactly("30ms W3 woke false", "50ms W1 woke true", "50ms W2 woke true",
                "50ms MainThread cleared, no wait false", "50ms MainThread already set true");
    }

    @Test
    void aSemaphoreWakesAsManyWaitersAsItGetsPermitsAndABoundedReleaseCanBeRefused() {
        SimSemaphore sem = new SimSemaphore(0);
        run(
                start("A", false, call(() -> sem.acquire(-1)), noteResult("got a permit")),
                start("B", false, call(() -> sem.acquire(-1)), noteResult("got a permit")),
                start("C", false, call(() -> sem.acquire(100 * MS)), noteResult("got a permit")),
                sleep(10),
                (ctx, p) -> {
                    assertThat(sem.release(2, -1)).isTrue();
                    return null;
                },
                join(0), join(1), join(2),
                (ctx, p) -> {
                    assertThat(sem.release(1, 1)).isTrue();
                    assertThat(sem.release(1, 1)).as("over the bound").isFalse();
                    assertThat(sem.value()).isEqualTo(1);
                    return null;
                });
        assertThat(log).containsExactly("10ms A got a permit true", "10ms B got a permit true",
                "100ms C got a permit false");
    }

    @Test
    void joiningWithATimeoutReturnsFalseWhileTheThreadRunsAndTrueOnceItEnded() {
        run(
                start("Sleeper", false, sleep(100)),
                (ctx, p) -> new Outcome.Call(started.get(0).join(30 * MS)), noteResult("joined"),
                (ctx, p) -> new Outcome.Call(started.get(0).join(-1)), noteResult("joined"),
                (ctx, p) -> new Outcome.Call(started.get(0).join(0)), noteResult("joined again"));
        assertThat(log).containsExactly("30ms MainThread joined false", "100ms MainThread joined true",
                "100ms MainThread joined again true");
    }

    @Test
    void aWaitListWakesOldestFirstAndForgetsWaitersWhoseDeadlinePassed() {
        WaitList list = new WaitList();
        Simulation s = new Simulation(Settings.defaults().withoutOverheads(), new JavaBridge());
        Waitable first = list.waiter(s, -1);
        Waitable timed = list.waiter(s, 5 * MS);
        Waitable third = list.waiter(s, -1);
        assertThat(list.size()).isEqualTo(3);
        assertThat(list.wake(1)).isEqualTo(1);
        assertThat(first.completion()).isEqualTo(WaitList.NOTIFIED);
        assertThat(timed.isDone()).isFalse();
        s.run(steps(sleep(10)));
        assertThat(timed.completion()).isEqualTo(WaitList.TIMED_OUT);
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.wakeAll()).isEqualTo(1);
        assertThat(third.completion()).isEqualTo(WaitList.NOTIFIED);
        assertThat(list.wake(3)).isZero();
    }

    @Test
    void theProgramEndsWithoutWaitingForDaemonThreadsButWaitsForTheOthers() {
        Trace t = run(
                start("Daemon", true, (ctx, p) -> new Outcome.Wait(new WaitList().waiter(ctx.simulation(), -1))),
                start("Worker", false, sleep(200), note("finishes")),
                note("module ends"));
        assertThat(t.stopReason()).isEmpty();
        assertThat(log).containsExactly("0ms MainThread module ends", "200ms Worker finishes");
        assertThat(started.get(0).isDone()).isFalse();
    }
}
