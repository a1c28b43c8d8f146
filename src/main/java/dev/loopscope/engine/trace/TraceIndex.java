package dev.loopscope.engine.trace;

import dev.loopscope.engine.trace.Entities.FutureInfo;
import dev.loopscope.engine.trace.Entities.FutureKind;
import dev.loopscope.engine.trace.Entities.TaskInfo;
import dev.loopscope.engine.trace.Entities.ThreadInfo;
import dev.loopscope.engine.trace.Entities.WorkInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the timeline and the loop's insides need from a {@link Trace}, computed once: one lane per task,
 * thread, GIL, core and process with its state spans; markers, arrows, late timers and frozen-loop spans; and
 * the state at any event (ready queue, timer heap, task states, GIL holders, output so far) from checkpoints
 * taken every few hundred events, so any point of the run is cheap to show.
 */
public final class TraceIndex {

    /** A timer callback that ran later than it was due by more than this is marked late. */
    public static final long LATE_THRESHOLD_NS = 5_000_000L;

    public enum LaneKind { LOOP, TASK, THREAD, GIL, CORE, PROCESS }

    /**
     * One row of the timeline.
     *
     * @param entity the task, thread, process or core id
     * @param group the name lanes are grouped and collapsed under ("job", "asyncio", "GIL")
     * @param internal asyncio's own bookkeeping tasks, hidden unless asked for
     * @param trivial a lane that adds nothing here (a GIL only one thread ever held, a single core)
     */
    public record Lane(int index, LaneKind kind, int entity, String name, String group, boolean internal,
                       boolean trivial) {}

    public enum MarkerKind { RAISED, CANCEL_REQUESTED, CANCELLED, THROWN_IN, TIMEOUT_ARMED, TIMEOUT_FIRED, OUTPUT,
        RETURNED, STOPPED }

    /** Something that happened at one instant on one lane. */
    public record Marker(int lane, long time, int seq, MarkerKind kind, String text) {}

    public enum ArrowKind {
        /** A task started awaiting another task, a gather or an executor future. */
        AWAIT,
        /** A finished task or future woke the task that awaited it. */
        WAKE,
        /** A task handed a call to an executor worker. */
        SUBMIT,
        /** A task asked another to cancel. */
        CANCEL
    }

    public record Arrow(int fromLane, long fromTime, int toLane, long toTime, ArrowKind kind, int seq) {}

    /** A timer callback (a sleep's end, a deadline) that ran {@code actual - due} late, on the lane it woke. */
    public record Late(int lane, long due, long actual, int seq) {
        public long lateness() {
            return actual - due;
        }
    }

    /** A span during which the event loop's thread was blocked, so nothing on the loop could run. */
    public record Frozen(int lane, long start, long end) {
        public long duration() {
            return end - start;
        }
    }

    public record OutputLine(int seq, long time, boolean stderr, String text, int task, int thread) {}

    /** An entry of the ready queue or the timer heap, labelled as CPython names the callback. */
    public record QueuedHandle(int handle, HandleKind kind, int target, long when, int scheduledSeq, String label) {}

    private final Trace trace;
    private final List<Lane> lanes = new ArrayList<>();
    private final List<SegmentList> segments = new ArrayList<>();
    private final List<LaneState> finalStates = new ArrayList<>();
    private final List<Marker> markers = new ArrayList<>();
    private final List<Arrow> arrows = new ArrayList<>();
    private final List<Late> lates = new ArrayList<>();
    private final List<Frozen> frozen = new ArrayList<>();
    private final List<OutputLine> outputs = new ArrayList<>();
    private final int[] outputSeqs;
    private final int[] iterationSeqs;
    private final int[] taskLane;
    private final int[] threadLane;
    private final int[] processLane;
    private final Map<Integer, Integer> gilLane = new HashMap<>();
    private final Map<Integer, Integer> coreLane = new HashMap<>();
    private final Map<Integer, Integer> futureTask = new HashMap<>();
    private final Map<Integer, Integer> workThread = new HashMap<>();
    private final int mainLoopThread;
    // Handles, by id.
    private HandleKind[] handleKind = new HandleKind[64];
    private int[] handleTarget = new int[64];
    private long[] handleWhen = new long[64];
    private int[] handleSeq = new int[64];
    // Checkpoints of the replayed state.
    private final int checkpointEvery;
    private final List<State> checkpoints = new ArrayList<>();

    private TraceIndex(Trace trace) {
        this.trace = trace;
        this.taskLane = new int[trace.tasks().size()];
        this.threadLane = new int[trace.threads().size()];
        this.processLane = new int[trace.processes().size()];
        this.mainLoopThread = trace.tasks().isEmpty() ? -1 : trace.tasks().getFirst().loopThread();
        this.checkpointEvery = Math.max(512, trace.size() / 400);
        List<Integer> iterations = new ArrayList<>();
        new Builder().build(iterations);
        this.outputSeqs = outputs.stream().mapToInt(OutputLine::seq).toArray();
        this.iterationSeqs = iterations.stream().mapToInt(Integer::intValue).toArray();
        buildCheckpoints();
    }

    public static TraceIndex of(Trace trace) {
        return new TraceIndex(trace);
    }

    public Trace trace() {
        return trace;
    }

    public List<Lane> lanes() {
        return Collections.unmodifiableList(lanes);
    }

    public Lane lane(int index) {
        return lanes.get(index);
    }

    public SegmentList segments(int lane) {
        return segments.get(lane);
    }

    /** How a task lane ended (DONE, FAILED, CANCELLED), or null for other lanes and unfinished tasks. */
    public LaneState finalState(int lane) {
        return finalStates.get(lane);
    }

    public List<Marker> markers() {
        return Collections.unmodifiableList(markers);
    }

    public List<Arrow> arrows() {
        return Collections.unmodifiableList(arrows);
    }

    public List<Late> lates() {
        return Collections.unmodifiableList(lates);
    }

    public List<Frozen> frozen() {
        return Collections.unmodifiableList(frozen);
    }

    public List<OutputLine> outputs() {
        return Collections.unmodifiableList(outputs);
    }

    public int taskLane(int task) {
        return taskLane[task];
    }

    public int threadLane(int thread) {
        return threadLane[thread];
    }

    /** The thread the main event loop runs on, or -1 when no loop ran. */
    public int mainLoopThread() {
        return mainLoopThread;
    }

    /** The task a future stands for when a task was awaited directly, as learned from its wake-ups; or -1. */
    public int taskOfFuture(int future) {
        return futureTask.getOrDefault(future, -1);
    }

    /** The worker thread that ran executor work {@code work}, or -1 while it has not started. */
    public int threadOfWork(int work) {
        return workThread.getOrDefault(work, -1);
    }

    /** Number of output events at or before event {@code seq}. */
    public int outputCountAt(int seq) {
        int i = Arrays.binarySearch(outputSeqs, seq);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** Event indexes of the loop iterations' starts, in order. */
    public int[] iterationSeqs() {
        return iterationSeqs.clone();
    }

    /** The first loop iteration that starts after {@code seq}, or -1. */
    public int nextIteration(int seq) {
        int i = Arrays.binarySearch(iterationSeqs, seq + 1);
        int at = i >= 0 ? i : -i - 1;
        return at < iterationSeqs.length ? iterationSeqs[at] : -1;
    }

    /** The last loop iteration that starts before {@code seq}, or -1. */
    public int previousIteration(int seq) {
        int i = Arrays.binarySearch(iterationSeqs, seq - 1);
        int at = i >= 0 ? i : -i - 2;
        return at >= 0 ? iterationSeqs[at] : -1;
    }

    /** CPython's name for a scheduled callback: "Task-3 · __step", "sleep timer", "gather _done_callback". */
    public String handleLabel(HandleKind kind, int target) {
        return switch (kind) {
            case TASK_STEP, TASK_WAKEUP -> taskName(target) + " · " + kind.label;
            case SLEEP_TIMER -> {
                int owner = sleeper(target);
                yield owner >= 0 ? "sleep timer · " + taskName(owner) : "sleep timer";
            }
            case GATHER_CHILD_DONE -> "gather _done_callback";
            case TIMEOUT -> "wait_for _on_timeout";
            case EXECUTOR_RESULT -> "executor result · _set_state";
            default -> kind.label;
        };
    }

    private final Map<Integer, Integer> futureAwaiter = new HashMap<>();

    /** The task that awaited future {@code future} (a sleep's owner), or -1. */
    public int sleeper(int future) {
        Integer t = futureAwaiter.get(future);
        if (t != null) {
            return t;
        }
        FutureInfo info = trace.futures().get(future);
        return info != null ? info.owner() : -1;
    }

    public String taskName(int task) {
        return task >= 0 && task < trace.tasks().size() ? trace.task(task).name() : "?";
    }

    // Building ------------------------------------------------------------------------------------------

    private final class LaneBuilder {
        final int lane;
        LaneState state;
        long start;
        int detail;

        LaneBuilder(int lane) {
            this.lane = lane;
        }

        void set(long time, LaneState s, int d) {
            if (state == s && detail == d) {
                return;
            }
            close(time);
            state = s;
            start = time;
            detail = d;
        }

        void close(long time) {
            if (state != null && (time > start || state == LaneState.RUNNING)) {
                segments.get(lane).add(start, time, state, detail);
            }
            state = null;
        }
    }

    private int addLane(LaneKind kind, int entity, String name, String group, boolean internal) {
        int index = lanes.size();
        lanes.add(new Lane(index, kind, entity, name, group, internal, false));
        segments.add(new SegmentList());
        finalStates.add(null);
        return index;
    }

    private final class Builder {
        final Map<Integer, LaneBuilder> open = new HashMap<>();
        final int[] runningTask;
        final int[] workOnThread;
        final int[] awaiting;
        final Set<Integer> loopThreads = new HashSet<>();
        int lastFinishedTask = -1;
        int wakeLane = -1;
        long wakeTime;
        final Map<Integer, long[]> pendingWake = new HashMap<>();
        final Map<Integer, long[]> pendingSubmit = new HashMap<>();
        final List<int[]> awaits = new ArrayList<>();
        final Map<Integer, Set<Integer>> gilHolders = new HashMap<>();

        /** When each thread's event loop ran its first and its last iteration (-1: never). */
        final long[] loopFrom;
        final long[] loopUntil;

        Builder() {
            loopFrom = new long[trace.threads().size()];
            loopUntil = new long[trace.threads().size()];
            Arrays.fill(loopFrom, -1);
            Arrays.fill(loopUntil, -1);
            runningTask = new int[trace.threads().size()];
            Arrays.fill(runningTask, -1);
            workOnThread = new int[trace.threads().size()];
            Arrays.fill(workOnThread, -1);
            awaiting = new int[trace.tasks().size()];
            Arrays.fill(awaiting, -1);
            for (TaskInfo t : trace.tasks()) {
                loopThreads.add(t.loopThread());
            }
        }

        LaneBuilder lb(int lane) {
            return open.computeIfAbsent(lane, LaneBuilder::new);
        }

        void build(List<Integer> iterations) {
            // Lanes in display order: loops, tasks, threads, GILs, cores, processes.
            Arrays.fill(threadLane, -1);
            for (ThreadInfo th : trace.threads()) {
                if (loopThreads.contains(th.id())) {
                    threadLane[th.id()] = addLane(LaneKind.LOOP, th.id(),
                            "Event loop" + (loopThreads.size() > 1 ? " (" + th.name() + ")" : ""), "Event loop", false);
                }
            }
            for (TaskInfo t : trace.tasks()) {
                boolean internal = t.coroutine().startsWith("BaseEventLoop.");
                taskLane[t.id()] = addLane(LaneKind.TASK, t.id(), t.name(),
                        internal ? "asyncio internals" : t.coroutine(), internal);
            }
            for (ThreadInfo th : trace.threads()) {
                if (threadLane[th.id()] < 0) {
                    String group = switch (th.role()) {
                        case POOL_WORKER -> {
                            int cut = th.name().lastIndexOf('_');
                            yield cut > 0 ? th.name().substring(0, cut) : th.name();
                        }
                        case HELPER -> "helper threads";
                        case USER -> "threads";
                        case MAIN -> trace.processes().get(th.process()).poolWorker() ? "process workers" : "threads";
                    };
                    String name = th.role() == ThreadRole.MAIN && th.process() != 0
                            ? trace.processes().get(th.process()).name() + " · " + th.name() : th.name();
                    threadLane[th.id()] = addLane(LaneKind.THREAD, th.id(), name, group, th.role() == ThreadRole.HELPER);
                }
            }
            int events = trace.size();
            // GIL and core lanes are added as they appear, after a first look for which exist.
            Set<Integer> gils = new java.util.TreeSet<>();
            Set<Integer> cores = new java.util.TreeSet<>();
            for (int i = 0; i < events; i++) {
                Class<? extends TraceEvent> k = trace.kind(i);
                if (k == TraceEvent.LoopIteration.class) {
                    TraceEvent.LoopIteration it = (TraceEvent.LoopIteration) trace.event(i);
                    if (loopFrom[it.loopThread()] < 0) {
                        loopFrom[it.loopThread()] = it.time();
                    }
                    loopUntil[it.loopThread()] = it.time();
                } else if (k == TraceEvent.GilChanged.class) {
                    gils.add(((TraceEvent.GilChanged) trace.event(i)).process());
                } else if (k == TraceEvent.CoreChanged.class) {
                    cores.add(((TraceEvent.CoreChanged) trace.event(i)).core());
                }
            }
            for (int p : gils) {
                gilLane.put(p, addLane(LaneKind.GIL, p, "GIL · " + trace.processes().get(p).name(), "GIL", false));
            }
            for (int c : cores) {
                coreLane.put(c, addLane(LaneKind.CORE, c, "Core " + c, "Cores", false));
            }
            Arrays.fill(processLane, -1);
            if (trace.processes().size() > 1) {
                for (var p : trace.processes()) {
                    processLane[p.id()] = addLane(LaneKind.PROCESS, p.id(), p.name(), "Processes", false);
                }
            }
            for (int i = 0; i < events; i++) {
                apply(trace.event(i), iterations);
            }
            long end = trace.endTime();
            for (LaneBuilder b : open.values()) {
                if (b.state == LaneState.BLOCKED && lanes.get(b.lane).kind() == LaneKind.LOOP
                        && loopUntil[lanes.get(b.lane).entity()] >= b.start) {
                    frozen.add(new Frozen(b.lane, b.start, end));
                }
                b.close(end);
            }
            for (int[] a : awaits) {
                resolveAwait(a[0], a[1], a[2]);
            }
            arrows.sort((x, y) -> Integer.compare(x.seq(), y.seq()));
            frozen.sort((x, y) -> Long.compare(x.start(), y.start()));
            // GIL lanes that only one thread ever held, and a lone core, tell nothing.
            for (var e : gilLane.entrySet()) {
                if (gilHolders.getOrDefault(e.getKey(), Set.of()).size() <= 1) {
                    markTrivial(e.getValue());
                }
            }
            if (coreLane.size() == 1) {
                coreLane.values().forEach(TraceIndex.this::markTrivial);
            }
        }

        void apply(TraceEvent e, List<Integer> iterations) {
            long t = e.time();
            switch (e) {
                case TraceEvent.TaskCreated c -> lb(taskLane[c.task()]).set(t, LaneState.READY, -1);
                case TraceEvent.HandleScheduled h -> {
                    ensureHandle(h.handle());
                    handleKind[h.handle()] = h.kind();
                    handleTarget[h.handle()] = h.target();
                    handleWhen[h.handle()] = h.when();
                    handleSeq[h.handle()] = h.seq();
                    if ((h.kind() == HandleKind.TASK_STEP || h.kind() == HandleKind.TASK_WAKEUP)
                            && h.target() >= 0 && h.target() < taskLane.length) {
                        int task = h.target();
                        LaneBuilder b = lb(taskLane[task]);
                        if (b.state != null && b.state != LaneState.RUNNING) {
                            b.set(t, LaneState.READY, b.detail);
                        }
                        int fut = awaiting[task];
                        if (h.kind() == HandleKind.TASK_WAKEUP && fut >= 0 && !trace.futures().containsKey(fut)
                                && lastFinishedTask >= 0 && wakeLane == taskLane[lastFinishedTask]) {
                            futureTask.putIfAbsent(fut, lastFinishedTask);
                        }
                        if (wakeLane >= 0) {
                            pendingWake.put(task, new long[] {wakeLane, wakeTime});
                        }
                    }
                }
                case TraceEvent.HandleRun r -> {
                    wakeLane = -1;
                    if (r.handle() < handleKind.length && handleKind[r.handle()] != null && handleWhen[r.handle()] >= 0) {
                        long late = t - handleWhen[r.handle()];
                        if (late > LATE_THRESHOLD_NS) {
                            int lane = lateLane(r.handle());
                            if (lane >= 0) {
                                lates.add(new Late(lane, handleWhen[r.handle()], t, r.seq()));
                            }
                        }
                    }
                }
                case TraceEvent.LoopIteration it -> {
                    wakeLane = -1;
                    if (it.loopThread() == mainLoopThread) {
                        iterations.add(it.seq());
                    }
                }
                case TraceEvent.TaskStepStarted s -> {
                    int lane = taskLane[s.task()];
                    TaskInfo info = trace.task(s.task());
                    runningTask[info.loopThread()] = s.task();
                    lb(lane).set(t, LaneState.RUNNING, -1);
                    awaiting[s.task()] = -1;
                    long[] wake = pendingWake.remove(s.task());
                    if (wake != null && wake[0] != lane) {
                        arrows.add(new Arrow((int) wake[0], wake[1], lane, t, ArrowKind.WAKE, s.seq()));
                    }
                    if (s.thrown() != null) {
                        markers.add(new Marker(lane, t, s.seq(), MarkerKind.THROWN_IN, s.thrown() + " thrown in"));
                    }
                }
                case TraceEvent.TaskSuspended s -> {
                    int lane = taskLane[s.task()];
                    runningTask[trace.task(s.task()).loopThread()] = -1;
                    FutureInfo f = trace.futures().get(s.future());
                    LaneState state = f != null && f.kind() == FutureKind.SLEEP ? LaneState.SLEEPING
                            : s.future() < 0 ? LaneState.READY : LaneState.WAITING;
                    lb(lane).set(t, state, s.future());
                    awaiting[s.task()] = s.future();
                    if (s.future() >= 0) {
                        futureAwaiter.putIfAbsent(s.future(), s.task());
                        awaits.add(new int[] {s.task(), s.future(), s.seq()});
                    }
                }
                case TraceEvent.TaskFinished f -> {
                    int lane = taskLane[f.task()];
                    runningTask[trace.task(f.task()).loopThread()] = -1;
                    lb(lane).close(t);
                    LaneState fin = switch (f.outcome()) {
                        case RESULT -> LaneState.DONE;
                        case EXCEPTION -> LaneState.FAILED;
                        case CANCELLED -> LaneState.CANCELLED;
                    };
                    finalStates.set(lane, fin);
                    MarkerKind kind = switch (f.outcome()) {
                        case RESULT -> MarkerKind.RETURNED;
                        case EXCEPTION -> MarkerKind.RAISED;
                        case CANCELLED -> MarkerKind.CANCELLED;
                    };
                    String text = switch (f.outcome()) {
                        case RESULT -> "returned " + f.summary();
                        case EXCEPTION -> "raised " + f.summary();
                        case CANCELLED -> "cancelled";
                    };
                    markers.add(new Marker(lane, t, f.seq(), kind, text));
                    lastFinishedTask = f.task();
                    wakeLane = lane;
                    wakeTime = t;
                }
                case TraceEvent.FutureFinished f -> {
                    FutureInfo info = trace.futures().get(f.future());
                    if (info != null && info.kind() == FutureKind.GATHER && lastFinishedTask >= 0) {
                        wakeLane = taskLane[lastFinishedTask];
                        wakeTime = t;
                    } else if (info != null && info.kind() == FutureKind.EXECUTOR && info.children().length > 0) {
                        int th = workThread.getOrDefault(info.children()[0], -1);
                        wakeLane = th >= 0 ? threadLane[th] : -1;
                        wakeTime = t;
                    }
                }
                case TraceEvent.CancelRequested c -> {
                    int lane = taskLane[c.task()];
                    markers.add(new Marker(lane, t, c.seq(), MarkerKind.CANCEL_REQUESTED,
                            "cancel() requested" + (c.byTask() >= 0 ? " by " + taskName(c.byTask()) : "")));
                    if (c.byTask() >= 0 && c.byTask() != c.task()) {
                        arrows.add(new Arrow(taskLane[c.byTask()], t, lane, t, ArrowKind.CANCEL, c.seq()));
                    }
                }
                case TraceEvent.Timeout to -> {
                    int lane = taskLane[to.task()];
                    markers.add(to.fired()
                            ? new Marker(lane, t, to.seq(), MarkerKind.TIMEOUT_FIRED, "timeout fired")
                            : new Marker(lane, t, to.seq(), MarkerKind.TIMEOUT_ARMED,
                                    String.format(java.util.Locale.ROOT, "deadline at %.3f s", to.when() / 1e9)));
                }
                case TraceEvent.ThreadStateChanged s -> threadState(s, t);
                case TraceEvent.GilChanged g -> {
                    Integer lane = gilLane.get(g.process());
                    if (lane != null) {
                        if (g.thread() >= 0) {
                            gilHolders.computeIfAbsent(g.process(), k -> new HashSet<>()).add(g.thread());
                            lb(lane).set(t, LaneState.RUNNING, g.thread());
                        } else {
                            lb(lane).set(t, LaneState.IDLE, -1);
                        }
                    }
                }
                case TraceEvent.CoreChanged c -> {
                    Integer lane = coreLane.get(c.core());
                    if (lane != null) {
                        lb(lane).set(t, c.thread() >= 0 ? LaneState.RUNNING : LaneState.IDLE, c.thread());
                    }
                }
                case TraceEvent.ProcessStarted p -> {
                    if (processLane[p.process()] >= 0) {
                        lb(processLane[p.process()]).set(t, LaneState.RUNNING, -1);
                    }
                }
                case TraceEvent.ProcessEnded p -> {
                    if (processLane[p.process()] >= 0) {
                        lb(processLane[p.process()]).close(t);
                        finalStates.set(processLane[p.process()], LaneState.DONE);
                    }
                }
                case TraceEvent.WorkSubmitted w -> {
                    WorkInfo info = trace.works().get(w.work());
                    if (info.submitter() >= 0) {
                        pendingSubmit.put(w.work(), new long[] {taskLane[info.submitter()], t});
                    }
                }
                case TraceEvent.WorkStarted w -> {
                    workOnThread[w.thread()] = w.work();
                    workThread.put(w.work(), w.thread());
                    long[] from = pendingSubmit.remove(w.work());
                    if (from != null && threadLane[w.thread()] >= 0) {
                        arrows.add(new Arrow((int) from[0], from[1], threadLane[w.thread()], t, ArrowKind.SUBMIT, w.seq()));
                    }
                    LaneBuilder b = lb(threadLane[w.thread()]);
                    if (b.state != null) {
                        b.set(t, b.state, w.work());
                    }
                }
                case TraceEvent.WorkFinished w -> {
                    int th = workThread.getOrDefault(w.work(), -1);
                    if (th >= 0) {
                        workOnThread[th] = -1;
                    }
                }
                case TraceEvent.Output o -> {
                    outputs.add(new OutputLine(o.seq(), t, o.stderr(), o.text(), o.task(), o.thread()));
                    int lane = o.task() >= 0 ? taskLane[o.task()] : o.thread() >= 0 ? threadLane[o.thread()] : -1;
                    if (lane >= 0) {
                        markers.add(new Marker(lane, t, o.seq(), MarkerKind.OUTPUT, o.text().strip()));
                    }
                }
                case TraceEvent.Stopped s -> {
                    if (!lanes.isEmpty()) {
                        markers.add(new Marker(0, t, s.seq(), MarkerKind.STOPPED, s.reason()));
                    }
                }
                default -> { }
            }
        }

        int lateLane(int handle) {
            HandleKind kind = handleKind[handle];
            int target = handleTarget[handle];
            if (kind == HandleKind.SLEEP_TIMER) {
                int task = futureAwaiter.getOrDefault(target, -1);
                return task >= 0 ? taskLane[task] : -1;
            }
            if (kind == HandleKind.TASK_STEP || kind == HandleKind.TASK_WAKEUP) {
                return target >= 0 && target < taskLane.length ? taskLane[target] : -1;
            }
            return -1;
        }

        void threadState(TraceEvent.ThreadStateChanged s, long t) {
            int lane = threadLane[s.thread()];
            if (lane < 0) {
                return;
            }
            // A loop thread is the loop only while its loop runs: before asyncio.run starts (or after it ends) the
            // thread waiting for a pool is not a frozen loop.
            boolean loop = lanes.get(lane).kind() == LaneKind.LOOP && loopFrom[s.thread()] >= 0
                    && t >= loopFrom[s.thread()] && t <= loopUntil[s.thread()];
            LaneBuilder b = lb(lane);
            LaneState previous = b.state;
            long previousStart = b.start;
            int work = workOnThread[s.thread()];
            if (s.state() == ThreadState.DONE) {
                b.close(t);
            } else {
                LaneState state = switch (s.state()) {
                    case RUNNING -> LaneState.RUNNING;
                    case WAITING_GIL -> LaneState.WAITING_GIL;
                    case WAITING_CORE -> LaneState.WAITING_CORE;
                    case SLEEPING -> loop ? LaneState.BLOCKED : LaneState.SLEEPING;
                    case BLOCKED -> loop ? LaneState.BLOCKED : work >= 0 ? LaneState.WAITING : LaneState.IDLE;
                    case SELECT -> LaneState.IDLE;
                    case DONE -> LaneState.DONE;
                };
                b.set(t, state, loop ? -1 : work);
            }
            if (lanes.get(lane).kind() == LaneKind.LOOP && previous == LaneState.BLOCKED && b.state != LaneState.BLOCKED
                    && t > previousStart && previousStart >= loopFrom[s.thread()] && loopFrom[s.thread()] >= 0) {
                frozen.add(new Frozen(lane, previousStart, t));
            }
            // The task whose step holds this thread shares its fate: blocked, or waiting for the GIL.
            int task = runningTask[s.thread()];
            if (loop && task >= 0) {
                LaneState ts = switch (s.state()) {
                    case SLEEPING, BLOCKED -> LaneState.BLOCKED;
                    case WAITING_GIL -> LaneState.WAITING_GIL;
                    case WAITING_CORE -> LaneState.WAITING_CORE;
                    default -> LaneState.RUNNING;
                };
                lb(taskLane[task]).set(t, ts, -1);
            }
        }

        void resolveAwait(int task, int future, int seq) {
            int from = taskLane[task];
            long time = trace.time(seq);
            FutureInfo info = trace.futures().get(future);
            if (info == null) {
                int awaited = futureTask.getOrDefault(future, -1);
                if (awaited >= 0) {
                    arrows.add(new Arrow(from, time, taskLane[awaited], time, ArrowKind.AWAIT, seq));
                }
                return;
            }
            if (info.kind() == FutureKind.GATHER) {
                for (int child : info.children()) {
                    if (child >= 0 && child < taskLane.length) {
                        arrows.add(new Arrow(from, time, taskLane[child], time, ArrowKind.AWAIT, seq));
                    }
                }
            }
        }
    }

    private void markTrivial(int lane) {
        Lane l = lanes.get(lane);
        lanes.set(lane, new Lane(l.index(), l.kind(), l.entity(), l.name(), l.group(), l.internal(), true));
    }

    private void ensureHandle(int h) {
        if (h >= handleKind.length) {
            int n = Math.max(h + 1, handleKind.length * 2);
            handleKind = Arrays.copyOf(handleKind, n);
            handleTarget = Arrays.copyOf(handleTarget, n);
            handleWhen = Arrays.copyOf(handleWhen, n);
            handleSeq = Arrays.copyOf(handleSeq, n);
        }
    }

    // State at an event ---------------------------------------------------------------------------------

    /** The replayed state of the main loop and its tasks after some event. */
    private final class State {
        int seq = -1;
        /** The ready queue, in FIFO order, as handle ids. */
        List<Integer> ready = new ArrayList<>();
        /** The timer heap as handle ids sorted by deadline. */
        List<Integer> timers = new ArrayList<>();
        byte[] taskStates;
        int[] taskAwaiting;
        byte[] threadStates;
        int[] gil;
        int runningTask = -1;
        int[] lastLine;
        int lastLineThread = -1;
        int iteration;
        BitSet created;

        State() {
            taskStates = new byte[trace.tasks().size()];
            Arrays.fill(taskStates, (byte) -1);
            taskAwaiting = new int[trace.tasks().size()];
            Arrays.fill(taskAwaiting, -1);
            threadStates = new byte[trace.threads().size()];
            Arrays.fill(threadStates, (byte) -1);
            gil = new int[trace.processes().size()];
            Arrays.fill(gil, -1);
            lastLine = new int[trace.threads().size()];
            created = new BitSet();
        }

        State copy() {
            State s = new State();
            s.seq = seq;
            s.ready = new ArrayList<>(ready);
            s.timers = new ArrayList<>(timers);
            s.taskStates = taskStates.clone();
            s.taskAwaiting = taskAwaiting.clone();
            s.threadStates = threadStates.clone();
            s.gil = gil.clone();
            s.runningTask = runningTask;
            s.lastLine = lastLine.clone();
            s.lastLineThread = lastLineThread;
            s.iteration = iteration;
            s.created = (BitSet) created.clone();
            return s;
        }

        void removeTimer(int h) {
            int i = timerIndex(h);
            if (i >= 0) {
                timers.remove(i);
            }
        }

        int timerIndex(int h) {
            int lo = 0;
            int hi = timers.size() - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int c = compareTimers(timers.get(mid), h);
                if (c < 0) {
                    lo = mid + 1;
                } else if (c > 0) {
                    hi = mid - 1;
                } else {
                    return mid;
                }
            }
            return -(lo + 1);
        }

        void apply(TraceEvent e) {
            seq = e.seq();
            switch (e) {
                case TraceEvent.TaskCreated c -> {
                    taskStates[c.task()] = (byte) LaneState.READY.ordinal();
                    created.set(c.task());
                }
                case TraceEvent.HandleScheduled h -> {
                    if (h.loopThread() != mainLoopThread) {
                        return;
                    }
                    if (h.when() >= 0) {
                        int i = timerIndex(h.handle());
                        timers.add(i >= 0 ? i : -i - 1, h.handle());
                    } else {
                        ready.add(h.handle());
                    }
                    if ((h.kind() == HandleKind.TASK_STEP || h.kind() == HandleKind.TASK_WAKEUP)
                            && h.target() < taskStates.length && taskStates[h.target()] >= 0
                            && !LaneState.of(taskStates[h.target()]).isFinal()
                            && taskStates[h.target()] != LaneState.RUNNING.ordinal()) {
                        taskStates[h.target()] = (byte) LaneState.READY.ordinal();
                    }
                }
                case TraceEvent.HandleDue d -> {
                    if (d.loopThread() == mainLoopThread) {
                        removeTimer(d.handle());
                        ready.add(d.handle());
                    }
                }
                case TraceEvent.HandleCancelled c -> {
                    if (c.loopThread() == mainLoopThread) {
                        removeTimer(c.handle());
                        ready.remove(Integer.valueOf(c.handle()));
                    }
                }
                case TraceEvent.HandleRun r -> {
                    if (r.loopThread() == mainLoopThread) {
                        ready.remove(Integer.valueOf(r.handle()));
                    }
                }
                case TraceEvent.LoopIteration it -> {
                    if (it.loopThread() == mainLoopThread) {
                        iteration = it.iteration();
                    }
                }
                case TraceEvent.TaskStepStarted s -> {
                    taskStates[s.task()] = (byte) LaneState.RUNNING.ordinal();
                    taskAwaiting[s.task()] = -1;
                    runningTask = s.task();
                }
                case TraceEvent.TaskSuspended s -> {
                    FutureInfo f = trace.futures().get(s.future());
                    LaneState st = f != null && f.kind() == FutureKind.SLEEP ? LaneState.SLEEPING
                            : s.future() < 0 ? LaneState.READY : LaneState.WAITING;
                    taskStates[s.task()] = (byte) st.ordinal();
                    taskAwaiting[s.task()] = s.future();
                    if (runningTask == s.task()) {
                        runningTask = -1;
                    }
                }
                case TraceEvent.TaskFinished f -> {
                    LaneState st = switch (f.outcome()) {
                        case RESULT -> LaneState.DONE;
                        case EXCEPTION -> LaneState.FAILED;
                        case CANCELLED -> LaneState.CANCELLED;
                    };
                    taskStates[f.task()] = (byte) st.ordinal();
                    taskAwaiting[f.task()] = -1;
                    if (runningTask == f.task()) {
                        runningTask = -1;
                    }
                }
                case TraceEvent.ThreadStateChanged s -> threadStates[s.thread()] = (byte) s.state().ordinal();
                case TraceEvent.GilChanged g -> gil[g.process()] = g.thread();
                case TraceEvent.LineReached l -> {
                    lastLine[l.thread()] = l.line();
                    lastLineThread = l.thread();
                }
                default -> { }
            }
        }
    }

    private int compareTimers(int a, int b) {
        int c = Long.compare(handleWhen[a], handleWhen[b]);
        return c != 0 ? c : Integer.compare(a, b);
    }

    private void buildCheckpoints() {
        State s = new State();
        checkpoints.add(s.copy());
        for (int i = 0; i < trace.size(); i++) {
            s.apply(trace.event(i));
            if ((i + 1) % checkpointEvery == 0) {
                checkpoints.add(s.copy());
            }
        }
    }

    private State stateAt(int seq) {
        int target = Math.min(seq, trace.size() - 1);
        int c = target < 0 ? 0 : Math.min((target + 1) / checkpointEvery, checkpoints.size() - 1);
        State s = checkpoints.get(c).copy();
        for (int i = c * checkpointEvery; i <= target; i++) {
            s.apply(trace.event(i));
        }
        return s;
    }

    /** The state of the run after event {@code seq} (-1: before the first event). */
    public Snapshot snapshot(int seq) {
        State s = stateAt(seq);
        List<QueuedHandle> ready = new ArrayList<>(s.ready.size());
        for (int h : s.ready) {
            ready.add(queued(h));
        }
        List<QueuedHandle> timers = new ArrayList<>(s.timers.size());
        for (int h : s.timers) {
            timers.add(queued(h));
        }
        int lineThread = s.lastLineThread;
        int line = lineThread >= 0 ? s.lastLine[lineThread] : 0;
        return new Snapshot(seq, seq < 0 || trace.size() == 0 ? 0 : trace.time(Math.min(seq, trace.size() - 1)),
                ready, timers, s.taskStates, s.taskAwaiting, s.threadStates, s.gil, s.runningTask, line, lineThread,
                s.iteration, outputCountAt(seq), s.created);
    }

    private QueuedHandle queued(int h) {
        return new QueuedHandle(h, handleKind[h], handleTarget[h], handleWhen[h], handleSeq[h],
                handleLabel(handleKind[h], handleTarget[h]));
    }

    /** What one step of the playhead touched: the tasks, threads and handles that the events in between name. */
    public record Changes(Set<Integer> lanes, Set<Integer> handles, int firstOutput, int outputCount) {
        public static final Changes NONE = new Changes(Set.of(), Set.of(), 0, 0);
    }

    /** The changes made by the events after {@code from} up to and including {@code to}. */
    public Changes changes(int from, int to) {
        if (to <= from || trace.size() == 0) {
            return Changes.NONE;
        }
        int start = Math.max(from + 1, to - 20_000);
        Set<Integer> laneSet = new HashSet<>();
        Set<Integer> handles = new HashSet<>();
        for (int i = Math.max(0, start); i <= Math.min(to, trace.size() - 1); i++) {
            switch (trace.event(i)) {
                case TraceEvent.TaskCreated c -> laneSet.add(taskLane[c.task()]);
                case TraceEvent.TaskStepStarted s -> laneSet.add(taskLane[s.task()]);
                case TraceEvent.TaskSuspended s -> laneSet.add(taskLane[s.task()]);
                case TraceEvent.TaskFinished f -> laneSet.add(taskLane[f.task()]);
                case TraceEvent.CancelRequested c -> laneSet.add(taskLane[c.task()]);
                case TraceEvent.ThreadStateChanged s -> {
                    if (threadLane[s.thread()] >= 0) {
                        laneSet.add(threadLane[s.thread()]);
                    }
                }
                case TraceEvent.GilChanged g -> {
                    Integer l = gilLane.get(g.process());
                    if (l != null) {
                        laneSet.add(l);
                    }
                }
                case TraceEvent.HandleScheduled h -> handles.add(h.handle());
                case TraceEvent.HandleDue d -> handles.add(d.handle());
                default -> { }
            }
        }
        int firstOutput = outputCountAt(from);
        return new Changes(laneSet, handles, firstOutput, outputCountAt(to) - firstOutput);
    }
}
