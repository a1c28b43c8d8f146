package dev.loopscope.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A simulated operating-system process: its own interpreter (and so its own GIL, module state and task-name
 * counter) and its threads.
 */
public final class SimProcess {

    final Simulation sim;
    final int id;
    final String name;
    final boolean poolWorker;
    final List<SimThread> threads = new ArrayList<>();
    /** The event loops made in this process and not yet closed, whichever thread runs them. */
    final List<EventLoop> loops = new ArrayList<>();
    /** The GIL: null in a free-threaded build. */
    final Gil gil;
    /** Python-level state owned by the front end (module globals of this process's interpreter). */
    private Object interpreterState;
    /** CPython's {@code _task_name_counter}: per interpreter, so per process. */
    private long taskNameCounter;
    private int threadPoolCounter;
    /** {@code threading}'s counter for the default names {@code Thread-N}. */
    private long threadNameCounter;
    /** {@code multiprocessing}'s counter for child process names ({@code Process-N}), per process. */
    private int processNameCounter;
    private boolean ended;
    /** CPU time all its threads have used in finished slices, in virtual nanoseconds. */
    long cpuUsed;
    /** How long a thread waits for the GIL before it asks the holder to drop it ({@code sys.setswitchinterval}). */
    private long switchIntervalNs;

    SimProcess(Simulation sim, int id, String name, boolean poolWorker, boolean withGil) {
        this.sim = sim;
        this.id = id;
        this.name = name;
        this.poolWorker = poolWorker;
        this.gil = withGil ? new Gil(this) : null;
        this.switchIntervalNs = sim.settings().switchIntervalNs();
    }

    public long switchIntervalNs() {
        return switchIntervalNs;
    }

    /** {@code sys.setswitchinterval}: from now on (at least 1 µs, as a drop request must let the holder go on). */
    public void setSwitchIntervalNs(long nanos) {
        this.switchIntervalNs = Math.max(1_000, nanos);
    }

    public int id() {
        return id;
    }

    public String name() {
        return name;
    }

    public boolean isPoolWorker() {
        return poolWorker;
    }

    public Simulation simulation() {
        return sim;
    }

    public Object interpreterState() {
        return interpreterState;
    }

    public void setInterpreterState(Object state) {
        this.interpreterState = state;
    }

    /** The number of the next automatic task name, {@code Task-N}. */
    long nextTaskNumber() {
        return ++taskNameCounter;
    }

    /** The next {@code ThreadPoolExecutor-N} number (CPython's class-level counter starts at 0). */
    int nextThreadPoolNumber() {
        return threadPoolCounter++;
    }

    /**
     * The number in the next default thread name {@code Thread-N}: every {@code threading.Thread} made without
     * a name takes one, including those the library starts for itself.
     */
    public long nextThreadNumber() {
        return ++threadNameCounter;
    }

    /**
     * The number in the next child process name: every process started from this one takes one, pool workers
     * included ({@code ForkPoolWorker-N}, {@code ForkProcess-N}); a forked child starts counting again from 1.
     */
    public int nextProcessNumber() {
        return ++processNameCounter;
    }

    /** True once every thread of this process has ended. */
    /** The event loops made in this process and not yet closed. */
    public List<EventLoop> openLoops() {
        return List.copyOf(loops);
    }

    public boolean allThreadsDone() {
        for (SimThread t : threads) {
            if (!t.isDone()) {
                return false;
            }
        }
        return true;
    }

    void markEnded(long time) {
        if (!ended) {
            ended = true;
            sim.trace().processEnded(time, id);
        }
    }

    boolean isEnded() {
        return ended;
    }

    /** The Global Interpreter Lock of one process, with CPython's forced-switch rule. */
    static final class Gil {
        final SimProcess process;
        SimThread holder;
        final ArrayDeque<SimThread> waiters = new ArrayDeque<>();
        /** Counts hand-overs, as CPython's {@code switch_number}: a drop request only stands if none happened. */
        long switches;

        Gil(SimProcess process) {
            this.process = process;
        }
    }
}
