package dev.loopscope.engine.trace;

import dev.loopscope.engine.trace.Entities.ExecutorInfo;
import dev.loopscope.engine.trace.Entities.FutureInfo;
import dev.loopscope.engine.trace.Entities.FutureKind;
import dev.loopscope.engine.trace.Entities.ProcessInfo;
import dev.loopscope.engine.trace.Entities.ThreadInfo;
import dev.loopscope.engine.trace.Entities.WorkInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Collects a trace while the engine runs; {@link #finish} seals it into an immutable {@link Trace}. */
public final class TraceRecorder {

    final EventColumns columns = new EventColumns();
    final List<ProcessInfo> processes = new ArrayList<>();
    final List<ThreadInfo> threads = new ArrayList<>();
    /** Tasks column by column: a million tasks must not cost a million records while recording. */
    final TaskTable tasks = new TaskTable();
    final Map<Integer, FutureInfo> futures = new HashMap<>();
    final List<ExecutorInfo> executors = new ArrayList<>();
    final List<WorkInfo> works = new ArrayList<>();
    String fileName;
    String source;
    private int nextFuture;

    /**
     * Asked before every event but line events: the program code running now may record the line it is at,
     * so an event made in the middle of a step (a task created, a callback scheduled) comes with its line.
     */
    private Runnable lineProbe;

    public int size() {
        return columns.size();
    }

    /** Sets the probe asked for the running line before each event (null: none); returns the previous one. */
    public Runnable lineProbe(Runnable probe) {
        Runnable previous = lineProbe;
        lineProbe = probe;
        return previous;
    }

    private void add(long time, Class<? extends TraceEvent> kind, int a, int b, int c) {
        if (lineProbe != null) {
            lineProbe.run();
        }
        columns.add(time, kind, a, b, c);
    }

    private void add(long time, Class<? extends TraceEvent> kind, int a, int b, int c, long extra) {
        if (lineProbe != null) {
            lineProbe.run();
        }
        columns.add(time, kind, a, b, c, extra);
    }

    public void program(String fileName, String source) {
        this.fileName = fileName;
        this.source = source;
    }

    public Trace finish(String stdout, String stderr, int exitCode, String stopReason) {
        return new Trace(this, stdout, stderr, exitCode, stopReason);
    }

    // Entities ------------------------------------------------------------------------------------------

    public int process(long time, String name, int parent, boolean poolWorker) {
        int id = processes.size();
        processes.add(new ProcessInfo(id, name, parent, poolWorker));
        add(time, TraceEvent.ProcessStarted.class, id, 0, 0);
        return id;
    }

    public int thread(long time, int process, String name, ThreadRole role) {
        int id = threads.size();
        threads.add(new ThreadInfo(id, process, name, role));
        add(time, TraceEvent.ThreadStarted.class, id, 0, 0);
        return id;
    }

    /**
     * A new task; {@code customName} null means the automatic name {@code Task-<autoNumber>}, which is only
     * turned into text when asked for.
     */
    public int task(long time, String customName, long autoNumber, String coroutine, int parent, int loopThread,
                    int line) {
        int id = tasks.add(customName, autoNumber, coroutine, parent, loopThread, line);
        add(time, TraceEvent.TaskCreated.class, id, 0, 0);
        return id;
    }

    /** {@code task.set_name()}: the trace shows the newest name. */
    public void renameTask(int id, String name) {
        tasks.rename(id, name);
    }

    /** A new future id; futures are only described (and drawn) when {@link #describeFuture} is called. */
    public int newFutureId() {
        return nextFuture++;
    }

    public void describeFuture(long time, int id, FutureKind kind, String label, int owner, int[] children) {
        futures.put(id, new FutureInfo(id, kind, label, owner, children));
        add(time, TraceEvent.FutureCreated.class, id, 0, 0);
    }

    public int executor(String kind, String name, int maxWorkers) {
        int id = executors.size();
        executors.add(new ExecutorInfo(id, kind, name, maxWorkers));
        return id;
    }

    public int work(long time, int executor, String function, int future, int submitter) {
        int id = works.size();
        works.add(new WorkInfo(id, executor, function, future, submitter));
        add(time, TraceEvent.WorkSubmitted.class, id, 0, 0);
        return id;
    }

    // Events --------------------------------------------------------------------------------------------

    public void processEnded(long time, int process) {
        add(time, TraceEvent.ProcessEnded.class, process, 0, 0);
    }

    public void threadState(long time, int thread, ThreadState state, int detail) {
        add(time, TraceEvent.ThreadStateChanged.class, thread, state.ordinal(), detail);
    }

    public void gil(long time, int process, int thread, boolean forced) {
        add(time, TraceEvent.GilChanged.class, process, thread, forced ? 1 : 0);
    }

    public void core(long time, int core, int thread) {
        add(time, TraceEvent.CoreChanged.class, core, thread, 0);
    }

    public void loopIteration(long time, int loopThread, int iteration, int ready) {
        add(time, TraceEvent.LoopIteration.class, loopThread, iteration, ready);
    }

    public void handleScheduled(long time, int loopThread, int handle, HandleKind kind, int target, long when) {
        int packed = (kind.ordinal() << 24) | (target & 0xFFFFFF);
        if (when < 0) {
            add(time, TraceEvent.HandleScheduled.class, handle, packed, loopThread);
        } else {
            add(time, TraceEvent.HandleScheduled.class, handle, packed, loopThread, when);
        }
    }

    public void handleDue(long time, int loopThread, int handle) {
        add(time, TraceEvent.HandleDue.class, loopThread, handle, 0);
    }

    public void handleCancelled(long time, int loopThread, int handle) {
        add(time, TraceEvent.HandleCancelled.class, loopThread, handle, 0);
    }

    public void handleRun(long time, int loopThread, int handle) {
        add(time, TraceEvent.HandleRun.class, loopThread, handle, 0);
    }

    public void taskStep(long time, int task, String thrown) {
        add(time, TraceEvent.TaskStepStarted.class, task, 0, columns.string(thrown));
    }

    public void taskSuspended(long time, int task, int future) {
        add(time, TraceEvent.TaskSuspended.class, task, future, 0);
    }

    public void taskFinished(long time, int task, TaskOutcome outcome, String summary) {
        add(time, TraceEvent.TaskFinished.class, task, outcome.ordinal(), columns.string(summary));
    }

    public void cancelRequested(long time, int task, int byTask, String message) {
        add(time, TraceEvent.CancelRequested.class, task, byTask, columns.string(message));
    }

    public void futureFinished(long time, int future, TaskOutcome outcome, String summary) {
        add(time, TraceEvent.FutureFinished.class, future, outcome.ordinal(), columns.string(summary));
    }

    public void timeout(long time, int task, long when, boolean fired) {
        add(time, TraceEvent.Timeout.class, task, fired ? 1 : 0, 0, when);
    }

    public void workStarted(long time, int work, int thread) {
        add(time, TraceEvent.WorkStarted.class, work, thread, 0);
    }

    public void workFinished(long time, int work, boolean raised) {
        add(time, TraceEvent.WorkFinished.class, work, raised ? 1 : 0, 0);
    }

    public void output(long time, int thread, int task, boolean stderr, String text) {
        add(time, TraceEvent.Output.class, thread, task, (columns.string(text) << 1) | (stderr ? 1 : 0));
    }

    private int lastLineThread = -1;
    private int lastLine;

    /** A thread is at a program line; a line event that repeats the last one is not recorded. */
    public void line(long time, int thread, int line) {
        if (line <= 0 || (thread == lastLineThread && line == lastLine)) {
            return;
        }
        lastLineThread = thread;
        lastLine = line;
        columns.add(time, TraceEvent.LineReached.class, thread, line, 0);
    }

    public void stopped(long time, String reason) {
        add(time, TraceEvent.Stopped.class, 0, 0, columns.string(reason));
    }

    public void finished(long time, int exitCode) {
        add(time, TraceEvent.Finished.class, exitCode, 0, 0);
    }
}
