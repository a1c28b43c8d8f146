package dev.loopscope.engine;

import dev.loopscope.engine.SimProcess.Gil;
import dev.loopscope.engine.trace.Trace;
import dev.loopscope.engine.trace.TraceRecorder;
import dev.loopscope.engine.trace.ThreadRole;
import dev.loopscope.engine.trace.ThreadState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Supplier;

/**
 * A discrete-event simulation of a Python program's threads and processes in virtual time.
 *
 * <p>Timed actions are ordered by (virtual time, sequence number). Threads that hold a simulated core run
 * their {@link Activity}s in slices that never pass the next timed action, so that an action always sees
 * every thread's execution up to its own time. Where a process has a GIL, only its holder runs Python code;
 * a thread that has waited a switch interval for it makes the holder drop it, as CPython does. Cores are
 * shared round-robin when more threads want one than there are.
 *
 * <p>Nothing here reads a clock or a random source: the same program and settings always give the same trace.
 */
public final class Simulation {

    /** The stop reason of a run cancelled from outside. */
    public static final String CANCELLED = "stopped: cancelled";

    /** Longest slice without a look at the budgets. */
    private static final long MAX_SLICE_NS = 20 * Settings.MS;

    private final Settings settings;
    private final PythonBridge python;
    private final TraceRecorder trace = new TraceRecorder();
    private final PriorityQueue<Timed> timeline = new PriorityQueue<>();
    private long timedSeq;
    private final List<SimProcess> processes = new ArrayList<>();
    private final List<SimThread> threads = new ArrayList<>();
    private final SimThread[] cores;
    private final ArrayDeque<SimThread> waitingForCore = new ArrayDeque<>();
    private boolean rotationPending;
    private final List<Supplier<Activity>> exitHooks = new ArrayList<>();
    private final StringBuilder stdout = new StringBuilder();
    private final StringBuilder stderr = new StringBuilder();

    /** Time of the timed action being processed; during a slice the slice's own clock is used instead. */
    private long clock;
    private Slice slice;
    private String stopReason;
    private long cpuTotal;
    private SimThread mainThread;
    private int exitCode;
    private boolean ran;
    int liveTasks;

    public Simulation(Settings settings, PythonBridge python) {
        this.settings = settings;
        this.python = python;
        this.cores = new SimThread[settings.cpuCount()];
        startProcess("MainProcess", false);
    }

    public Settings settings() {
        return settings;
    }

    public PythonBridge python() {
        return python;
    }

    public TraceRecorder trace() {
        return trace;
    }

    public SimProcess mainProcess() {
        return processes.get(0);
    }

    public SimThread mainThread() {
        return mainThread;
    }

    public List<SimThread> threads() {
        return List.copyOf(threads);
    }

    /** The current virtual time: the running slice's clock, or the time of the action being processed. */
    public long now() {
        return slice != null ? slice.now() : clock;
    }

    /** The thread whose slice is running, or null while a timed action is processed. */
    public SimThread currentThread() {
        return slice != null ? slice.thread : null;
    }

    /** The context of the slice running now, or null. */
    public ExecContext currentContext() {
        return slice;
    }

    // ---------------------------------------------------------------------------------------------------
    // Building the world

    public SimProcess startProcess(String name, boolean poolWorker) {
        int id = trace.process(now(), name, processes.isEmpty() ? -1 : 0, poolWorker);
        SimProcess p = new SimProcess(this, id, name, poolWorker, settings.gil());
        processes.add(p);
        return p;
    }

    /**
     * Starts a thread that will run {@code root}; it becomes ready to run at the current time. A non-daemon
     * thread keeps the program alive until it ends, as in CPython.
     */
    public SimThread startThread(SimProcess process, String name, ThreadRole role, boolean daemon, Activity root) {
        int id = trace.thread(now(), process.id, name, role);
        SimThread t = new SimThread(this, id, process, name, role, daemon);
        threads.add(t);
        process.threads.add(t);
        t.stack.add(root);
        t.resumes.add(null);
        t.localTime = now();
        becomeReady(t, now());
        return t;
    }

    /** Runs {@code action} at virtual time {@code time} (not before now). */
    public void at(long time, Runnable action) {
        timeline.add(new Timed(Math.max(time, now()), timedSeq++, action));
    }

    /** Registers work that the main thread does after the module ends ({@code atexit}); the last added runs first. */
    public void addExitHook(Supplier<Activity> hook) {
        exitHooks.add(hook);
    }

    /** Writes program output at the current time, attributed to the running thread and task. */
    public void write(boolean toStderr, String text) {
        if (text.isEmpty()) {
            return;
        }
        (toStderr ? stderr : stdout).append(text);
        SimThread t = currentThread();
        int task = -1;
        if (t != null && t.loop != null && t.loop.currentTask() != null) {
            task = t.loop.currentTask().taskId;
        }
        trace.output(now(), t == null ? -1 : t.id, task, toStderr, text);
    }

    /** Stops the run at the current time, for a budget or an error the program cannot go on from. */
    public void stop(String reason) {
        if (stopReason == null) {
            stopReason = reason;
            trace.stopped(now(), reason);
        }
    }

    public boolean isStopped() {
        return stopReason != null;
    }

    private java.util.function.BooleanSupplier cancelled = () -> false;

    /** Stops the run (with "stopped: cancelled") as soon as {@code cancelled} says so; checked between steps. */
    public void cancelWhen(java.util.function.BooleanSupplier cancelled) {
        this.cancelled = cancelled;
    }

    // ---------------------------------------------------------------------------------------------------
    // Running

    /**
     * Runs a program whose main thread executes {@code module}, then the exit hooks, then waits for the
     * other non-daemon threads, as CPython's interpreter shutdown does. The module activity's completion
     * {@code Returned(Integer)} is taken as the exit code.
     */
    public Trace run(Activity module) {
        if (ran) {
            throw new IllegalStateException("a simulation runs once");
        }
        ran = true;
        mainThread = startThread(mainProcess(), "MainThread", ThreadRole.MAIN, false, new ProgramActivity(module));
        loop();
        if (stopReason == null && !mainThread.isDone()) {
            stop(deadlockReport());
        }
        long end = now();
        for (SimProcess p : processes) {
            p.markEnded(end);
        }
        if (stopReason == null) {
            Completion c = mainThread.result();
            exitCode = c instanceof Completion.Returned(Integer code) ? code : 1;
        } else {
            exitCode = -1;
        }
        trace.finished(end, exitCode);
        return trace.finish(stdout.toString(), stderr.toString(), exitCode, stopReason);
    }

    private void loop() {
        while (stopReason == null) {
            if (cancelled.getAsBoolean()) {
                stop(CANCELLED);
                break;
            }
            if (trace.size() > settings.maxEvents()) {
                stop("stopped: budget exceeded: more than " + settings.maxEvents() + " trace events");
                break;
            }
            if (cpuTotal > settings.maxCpuNs()) {
                stop("stopped: budget exceeded: more than " + seconds(settings.maxCpuNs()) + " s of CPU time");
                break;
            }
            if (now() > settings.maxVirtualNs()) {
                stop("stopped: budget exceeded: virtual time passed " + seconds(settings.maxVirtualNs()) + " s");
                break;
            }
            if (liveTasks > settings.maxLiveTasks()) {
                stop("stopped: budget exceeded: more than " + settings.maxLiveTasks() + " tasks alive at once");
                break;
            }
            if (mainThread != null && mainThread.isDone() && daemonThreadsLeft()) {
                // The interpreter exits under its daemon threads: they just stop.
                break;
            }
            Timed next = timeline.peek();
            SimThread runner = null;
            SimThread second = null;
            for (SimThread t : cores) {
                if (t == null) {
                    continue;
                }
                if (runner == null || before(t, runner)) {
                    second = runner;
                    runner = t;
                } else if (second == null || before(t, second)) {
                    second = t;
                }
            }
            if (runner == null || (next != null && next.time <= runner.localTime)) {
                if (next == null || (runner == null && mainThread != null && mainThread.isDone() && allDone())) {
                    // what is left are timeouts of waits that ended otherwise: the process has exited
                    break;
                }
                timeline.poll();
                clock = Math.max(clock, next.time);
                next.action.run();
                continue;
            }
            long horizon = next == null ? Long.MAX_VALUE : next.time;
            if (second != null) {
                horizon = Math.min(horizon, second.localTime + settings.quantumNs());
            }
            horizon = Math.min(horizon, runner.localTime + MAX_SLICE_NS);
            runSlice(runner, horizon);
        }
    }

    private boolean allDone() {
        for (SimThread t : threads) {
            if (!t.isDone()) {
                return false;
            }
        }
        return true;
    }

    private boolean daemonThreadsLeft() {
        for (SimThread t : threads) {
            if (t.daemon && !t.isDone()) {
                return true;
            }
        }
        return false;
    }

    private static boolean before(SimThread a, SimThread b) {
        return a.localTime < b.localTime || (a.localTime == b.localTime && a.id < b.id);
    }

    private void runSlice(SimThread t, long horizon) {
        Slice s = new Slice(t, t.localTime, Math.max(1, horizon - t.localTime));
        clock = Math.max(clock, t.localTime);
        int top = t.stack.size() - 1;
        Activity activity = t.stack.get(top);
        Completion resumed = t.resumes.get(top);
        t.resumes.set(top, null);
        slice = s;
        Outcome outcome;
        try {
            outcome = activity.run(s, resumed);
        } finally {
            slice = null;
        }
        t.localTime = s.now();
        t.cpuUsed += s.used;
        t.process.cpuUsed += s.used;
        cpuTotal += s.used;
        clock = Math.max(clock, t.localTime);
        switch (outcome) {
            case Outcome.Done(Completion c) -> {
                t.stack.remove(top);
                t.resumes.remove(top);
                if (t.stack.isEmpty()) {
                    threadEnded(t, c);
                } else {
                    t.resumes.set(top - 1, c);
                }
            }
            case Outcome.Call(Activity callee) -> {
                t.stack.add(callee);
                t.resumes.add(null);
            }
            case Outcome.Pause p -> {
                // Still on its core; the next pass of the loop decides who runs.
            }
            case Outcome.Sleep(long nanos) -> {
                if (nanos < 0) {
                    throw new IllegalArgumentException("negative sleep: " + nanos);
                }
                long token = ++t.blockToken;
                block(t, ThreadState.SLEEPING, -1);
                at(t.localTime + nanos, () -> {
                    if (t.blockToken == token) {
                        wake(t, new Completion.Returned(python.none()), clock);
                    }
                });
            }
            case Outcome.Wait(Waitable w) -> {
                if (w.isDone()) {
                    t.resumes.set(top, w.completion());
                } else {
                    long token = ++t.blockToken;
                    block(t, w.blockedState(), w.traceDetail());
                    w.onDone(c -> {
                        if (t.blockToken == token && !t.isDone()) {
                            t.blockToken++;
                            wake(t, c, now());
                        }
                    });
                }
            }
        }
    }

    private void threadEnded(SimThread t, Completion c) {
        leaveCore(t, t.localTime);
        releaseGil(t, t.localTime, false);
        setState(t, ThreadState.DONE, -1, t.localTime);
        t.finish(c);
        if (t.process != mainProcess() && t.process.allThreadsDone()) {
            t.process.markEnded(t.localTime);
        }
    }

    /**
     * Ends every thread of {@code p} but {@code except} (null: all) where it stands, as the operating system does
     * when a process exits or is killed: their pending wake-ups are ignored, joiners see {@code result}.
     */
    public void endThreads(SimProcess p, SimThread except, Completion result) {
        long time = now();
        for (SimThread t : List.copyOf(p.threads)) {
            if (t == except || t.isDone()) {
                continue;
            }
            t.blockToken++;
            t.localTime = Math.max(t.localTime, time);
            leaveCore(t, time);
            releaseGil(t, time, false);
            t.stack.clear();
            t.resumes.clear();
            setState(t, ThreadState.DONE, -1, time);
            t.finish(result);
        }
        if (p != mainProcess() && p.allThreadsDone()) {
            p.markEnded(time);
        }
    }

    private void block(SimThread t, ThreadState state, int detail) {
        leaveCore(t, t.localTime);
        releaseGil(t, t.localTime, false);
        setState(t, state, detail, t.localTime);
    }

    private void wake(SimThread t, Completion c, long time) {
        int top = t.stack.size() - 1;
        t.resumes.set(top, c);
        t.localTime = Math.max(t.localTime, time);
        becomeReady(t, t.localTime);
    }

    private void setState(SimThread t, ThreadState state, int detail, long time) {
        if (t.state != state) {
            t.state = state;
            trace.threadState(time, t.id, state, detail);
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // The GIL

    /** {@code t} wants to run Python code: take the GIL (or queue for it), then a core. */
    private void becomeReady(SimThread t, long time) {
        Gil gil = t.process.gil;
        if (gil == null || gil.holder == t) {
            wantCore(t, time);
        } else if (gil.holder == null) {
            gil.holder = t;
            gil.switches++;
            trace.gil(time, t.process.id, t.id, false);
            wantCore(t, time);
        } else {
            gil.waiters.add(t);
            setState(t, ThreadState.WAITING_GIL, gil.holder.id, time);
            requestDropLater(gil, t, time);
        }
    }

    /** After a switch interval without a hand-over, the waiter asks the holder to drop the GIL. */
    private void requestDropLater(Gil gil, SimThread waiter, long time) {
        long switchesThen = gil.switches;
        at(time + waiter.process.switchIntervalNs(), () -> {
            if (waiter.state != ThreadState.WAITING_GIL || !gil.waiters.contains(waiter) || gil.holder == null) {
                return;
            }
            if (gil.switches != switchesThen) {
                requestDropLater(gil, waiter, clock);
                return;
            }
            SimThread holder = gil.holder;
            long t = Math.max(clock, holder.localTime);
            leaveCore(holder, t);
            releaseGil(holder, t, true);
            // The holder needs the GIL back at once to go on; it queues behind the others.
            becomeReady(holder, t);
        });
    }

    private void releaseGil(SimThread t, long time, boolean forced) {
        Gil gil = t.process.gil;
        if (gil == null) {
            return;
        }
        gil.waiters.remove(t);
        if (gil.holder != t) {
            return;
        }
        gil.holder = gil.waiters.poll();
        if (gil.holder != null) {
            gil.switches++;
            SimThread next = gil.holder;
            trace.gil(time, t.process.id, next.id, forced);
            next.localTime = Math.max(next.localTime, time);
            wantCore(next, next.localTime);
        } else {
            trace.gil(time, t.process.id, -1, false);
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // Cores

    private void wantCore(SimThread t, long time) {
        if (t.core >= 0) {
            setState(t, ThreadState.RUNNING, -1, time);
            return;
        }
        for (int c = 0; c < cores.length; c++) {
            if (cores[c] == null) {
                putOnCore(t, c, time);
                return;
            }
        }
        if (!waitingForCore.contains(t)) {
            waitingForCore.add(t);
        }
        setState(t, ThreadState.WAITING_CORE, -1, time);
        scheduleRotation();
    }

    private void putOnCore(SimThread t, int c, long time) {
        cores[c] = t;
        t.core = c;
        t.onCoreSince = time;
        t.localTime = Math.max(t.localTime, time);
        trace.core(time, c, t.id);
        setState(t, ThreadState.RUNNING, -1, time);
    }

    private void leaveCore(SimThread t, long time) {
        waitingForCore.remove(t);
        if (t.core < 0) {
            return;
        }
        int c = t.core;
        cores[c] = null;
        t.core = -1;
        SimThread next = waitingForCore.poll();
        if (next != null) {
            putOnCore(next, c, time);
        } else {
            trace.core(time, c, -1);
        }
    }

    /** Round-robin time slicing when more threads want a core than there are. */
    private void scheduleRotation() {
        if (rotationPending || waitingForCore.isEmpty()) {
            return;
        }
        long earliest = Long.MAX_VALUE;
        for (SimThread t : cores) {
            if (t != null) {
                earliest = Math.min(earliest, t.onCoreSince);
            }
        }
        if (earliest == Long.MAX_VALUE) {
            return;
        }
        rotationPending = true;
        at(earliest + settings.osTimesliceNs(), () -> {
            rotationPending = false;
            for (int c = 0; c < cores.length && !waitingForCore.isEmpty(); c++) {
                SimThread t = cores[c];
                if (t != null && clock - t.onCoreSince >= settings.osTimesliceNs()) {
                    cores[c] = null;
                    t.core = -1;
                    SimThread next = waitingForCore.poll();
                    putOnCore(next, c, clock);
                    waitingForCore.add(t);
                    setState(t, ThreadState.WAITING_CORE, -1, clock);
                }
            }
            scheduleRotation();
        });
    }

    // ---------------------------------------------------------------------------------------------------

    private String deadlockReport() {
        StringBuilder sb = new StringBuilder("stopped: the program would wait forever:");
        for (SimThread t : threads) {
            if (!t.isDone()) {
                sb.append(' ').append(t.name).append(" is ").append(t.state.name().toLowerCase().replace('_', ' '))
                        .append(';');
            }
        }
        sb.setLength(sb.length() - 1);
        return sb.toString();
    }

    private static String seconds(long ns) {
        return ns % Settings.SECOND == 0 ? Long.toString(ns / Settings.SECOND) : Double.toString(ns / 1e9);
    }

    private long order;

    /** A number larger than any handed out before: orders things that happen at the same virtual time. */
    long nextOrder() {
        return ++order;
    }

    public int exitCode() {
        return exitCode;
    }

    /** A timed action: ordered by time, then by when it was scheduled. */
    private record Timed(long time, long seq, Runnable action) implements Comparable<Timed> {
        @Override
        public int compareTo(Timed o) {
            int c = Long.compare(time, o.time);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    /** One slice of a thread's execution. */
    private final class Slice implements ExecContext {
        final SimThread thread;
        final long start;
        final long budget;
        long used;

        Slice(SimThread thread, long start, long budget) {
            this.thread = thread;
            this.start = start;
            this.budget = budget;
        }

        @Override
        public long now() {
            return start + used;
        }

        @Override
        public void charge(long nanos) {
            used += nanos;
        }

        @Override
        public long budgetLeft() {
            return budget - used;
        }

        @Override
        public long threadCpuNs() {
            return thread.cpuUsed + used;
        }

        @Override
        public long processCpuNs() {
            return thread.process.cpuUsed + used;
        }

        @Override
        public SimThread thread() {
            return thread;
        }

        @Override
        public SimProcess process() {
            return thread.process;
        }

        @Override
        public EventLoop loop() {
            return thread.loop;
        }

        @Override
        public Simulation simulation() {
            return Simulation.this;
        }

        @Override
        public void stdout(String text) {
            write(false, text);
        }

        @Override
        public void stderr(String text) {
            write(true, text);
        }
    }

    /**
     * The main thread's whole life: the module, then the exit hooks (last registered first), then waiting for
     * the other non-daemon threads of the main process, as CPython's shutdown does.
     */
    private final class ProgramActivity implements Activity {
        private final Activity module;
        private Completion moduleResult;
        private int hooksRun;
        private boolean joining;

        ProgramActivity(Activity module) {
            this.module = module;
        }

        @Override
        public Outcome run(ExecContext ctx, Completion resumed) {
            if (moduleResult == null) {
                if (resumed == null) {
                    return new Outcome.Call(module);
                }
                moduleResult = resumed;
            }
            if (hooksRun < exitHooks.size()) {
                Supplier<Activity> hook = exitHooks.get(exitHooks.size() - 1 - hooksRun);
                hooksRun++;
                return new Outcome.Call(hook.get());
            }
            for (SimThread t : mainProcess().threads) {
                if (t != ctx.thread() && !t.daemon && !t.isDone()) {
                    joining = true;
                    return new Outcome.Wait(t.joined());
                }
            }
            return new Outcome.Done(moduleResult);
        }

        @Override
        public String label() {
            return joining ? "shutdown" : "<module>";
        }
    }
}
