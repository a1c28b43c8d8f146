package dev.loopscope.engine.trace;

import dev.loopscope.engine.trace.Entities.ExecutorInfo;
import dev.loopscope.engine.trace.Entities.FutureInfo;
import dev.loopscope.engine.trace.Entities.ProcessInfo;
import dev.loopscope.engine.trace.Entities.TaskInfo;
import dev.loopscope.engine.trace.Entities.ThreadInfo;
import dev.loopscope.engine.trace.Entities.WorkInfo;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The complete, immutable record of a simulated run: every event in order, the tables of the things the
 * events refer to, and the program's output.
 *
 * <p>Events are stored column by column (a few primitive arrays) so that millions of them fit in little
 * memory; {@link #event(int)} builds the record for one event on demand.
 */
public final class Trace {

    private final EventColumns columns;
    private final List<ProcessInfo> processes;
    private final List<ThreadInfo> threads;
    private final TaskTable tasks;
    private final Map<Integer, FutureInfo> futures;
    private final List<ExecutorInfo> executors;
    private final List<WorkInfo> works;
    private final String stdout;
    private final String stderr;
    private final int exitCode;
    private final String stopReason;
    private final String fileName;
    private final String source;

    Trace(TraceRecorder recorder, String stdout, String stderr, int exitCode, String stopReason) {
        this.columns = recorder.columns;
        this.processes = List.copyOf(recorder.processes);
        this.threads = List.copyOf(recorder.threads);
        this.tasks = recorder.tasks;
        this.futures = Collections.unmodifiableMap(recorder.futures);
        this.executors = List.copyOf(recorder.executors);
        this.works = Collections.unmodifiableList(recorder.works);
        this.stdout = stdout;
        this.stderr = stderr;
        this.exitCode = exitCode;
        this.stopReason = stopReason;
        this.fileName = recorder.fileName;
        this.source = recorder.source;
    }

    /** Number of events. */
    public int size() {
        return columns.size();
    }

    public TraceEvent event(int seq) {
        return columns.decode(seq);
    }

    public long time(int seq) {
        return columns.time(seq);
    }

    /** The record type of event {@code seq}, without building the record. */
    public Class<? extends TraceEvent> kind(int seq) {
        return columns.kind(seq);
    }

    /** Virtual time of the last event (0 for an empty trace). */
    public long endTime() {
        return size() == 0 ? 0 : time(size() - 1);
    }

    /** Index of the last event at or before {@code time}, or -1 when every event is later. */
    public int lastIndexAtOrBefore(long time) {
        int lo = 0;
        int hi = size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (columns.time(mid) <= time) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    public List<ProcessInfo> processes() {
        return processes;
    }

    public List<ThreadInfo> threads() {
        return threads;
    }

    public List<TaskInfo> tasks() {
        return tasks.view();
    }

    public TaskInfo task(int id) {
        return tasks.get(id);
    }

    public int taskCount() {
        return tasks.size();
    }

    public ThreadInfo thread(int id) {
        return threads.get(id);
    }

    /** The futures worth drawing (gathers, sleeps, executor futures), by id. */
    public Map<Integer, FutureInfo> futures() {
        return futures;
    }

    public List<ExecutorInfo> executors() {
        return executors;
    }

    public List<WorkInfo> works() {
        return works;
    }

    /** Everything the program wrote to standard output. */
    public String stdout() {
        return stdout;
    }

    public String stderr() {
        return stderr;
    }

    public int exitCode() {
        return exitCode;
    }

    /** Why the run was stopped early (budget exceeded, would wait forever), if it was. */
    public Optional<String> stopReason() {
        return Optional.ofNullable(stopReason);
    }

    /** The program's file name and source text, when the run came from source. */
    public String fileName() {
        return fileName;
    }

    public String source() {
        return source;
    }
}
