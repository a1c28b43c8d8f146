package dev.loopscope.engine;

import dev.loopscope.engine.trace.ThreadRole;
import dev.loopscope.engine.trace.ThreadState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A simulated thread: a stack of {@link Activity}s (the innermost runs), a state, and its own notion of how
 * far its execution has got in virtual time.
 */
public final class SimThread {

    final Simulation sim;
    final int id;
    final SimProcess process;
    final String name;
    final ThreadRole role;
    final boolean daemon;

    /** Activities, innermost last; each with the completion to resume it with. */
    final List<Activity> stack = new ArrayList<>();
    final List<Completion> resumes = new ArrayList<>();

    ThreadState state;
    /** Virtual time up to which this thread's execution has been simulated. */
    long localTime;
    long cpuUsed;
    /** Core index while on a core, else -1. */
    int core = -1;
    /** When it last got a core, for the operating system's time slicing. */
    long onCoreSince;
    /** The event loop running on this thread, if any. */
    EventLoop loop;
    /** The thread's current event loop for {@code get_event_loop()} outside a running loop, or null. */
    public EventLoop currentLoop;
    /** Whether the current loop was ever set or unset ({@code asyncio.run} unsets it when it ends). */
    public boolean currentLoopSetCalled;
    /** Front end per-thread state (exception being handled, recursion depth...). */
    private Object pythonState;
    private Completion result;
    private final List<Consumer<Completion>> joiners = new ArrayList<>();
    /** Sequence number of the sleep or wait in progress, so a stale wake-up is ignored. */
    long blockToken;

    SimThread(Simulation sim, int id, SimProcess process, String name, ThreadRole role, boolean daemon) {
        this.sim = sim;
        this.id = id;
        this.process = process;
        this.name = name;
        this.role = role;
        this.daemon = daemon;
    }

    public int id() {
        return id;
    }

    public String name() {
        return name;
    }

    public SimProcess process() {
        return process;
    }

    public boolean isDaemon() {
        return daemon;
    }

    public ThreadRole role() {
        return role;
    }

    public ThreadState state() {
        return state;
    }

    public boolean isDone() {
        return state == ThreadState.DONE;
    }

    /** CPU time this thread has used, in virtual nanoseconds. */
    public long cpuUsed() {
        return cpuUsed;
    }

    public EventLoop loop() {
        return loop;
    }

    public Object pythonState() {
        return pythonState;
    }

    public void setPythonState(Object state) {
        this.pythonState = state;
    }

    /** The root activity's completion once the thread has ended. */
    public Completion result() {
        return result;
    }

    /** A waitable that completes when this thread ends ({@code Thread.join()}). */
    public Waitable joined() {
        return new Waitable() {
            @Override
            public boolean isDone() {
                return SimThread.this.isDone();
            }

            @Override
            public Completion completion() {
                return result;
            }

            @Override
            public void onDone(Consumer<Completion> whenDone) {
                if (SimThread.this.isDone()) {
                    whenDone.accept(result);
                } else {
                    joiners.add(whenDone);
                }
            }
        };
    }

    /**
     * {@code Thread.join(timeout)} as an activity of the joining thread: {@code Returned(TRUE)} once this thread
     * has ended, {@code Returned(FALSE)} when {@code timeoutNs} passes first (negative: no limit).
     */
    public Activity join(long timeoutNs) {
        return new Activity() {
            @Override
            public Outcome run(ExecContext ctx, Completion resumed) {
                if (resumed != null || isDone()) {
                    return new Outcome.Done(isDone() ? WaitList.NOTIFIED : WaitList.TIMED_OUT);
                }
                if (timeoutNs == 0) {
                    return new Outcome.Done(WaitList.TIMED_OUT);
                }
                WaitList ending = new WaitList();
                Waitable w = ending.waiter(sim, timeoutNs < 0 ? -1 : ctx.now() + timeoutNs);
                joiners.add(c -> ending.wakeAll());
                return new Outcome.Wait(w);
            }

            @Override
            public String label() {
                return "join " + name;
            }
        };
    }

    void finish(Completion completion) {
        result = completion;
        List<Consumer<Completion>> waiting = new ArrayList<>(joiners);
        joiners.clear();
        for (Consumer<Completion> j : waiting) {
            j.accept(completion);
        }
    }

    @Override
    public String toString() {
        return "SimThread[" + name + " #" + id + " " + state + "]";
    }
}
