package dev.loopscope.engine;

/**
 * The knobs of a simulation run. Times are virtual nanoseconds. Defaults are documented in
 * {@code src/docs/engine.md} with where each figure comes from.
 *
 * @param cpuCount           simulated cores; also what {@code os.cpu_count()} reports
 * @param gil                true for CPython's GIL; false for a free-threaded build (PEP 703)
 * @param switchIntervalNs   {@code sys.getswitchinterval()}: how long a thread waits for the GIL before
 *                           asking its holder to drop it
 * @param quantumNs          how finely threads running at the same time on different cores interleave
 * @param maxEvents          stop with "budget exceeded" after this many trace events
 * @param maxVirtualNs       stop with "budget exceeded" when virtual time passes this
 * @param maxCpuNs           stop with "budget exceeded" when the threads together have used this much CPU
 * @param osTimesliceNs      how long the operating system lets a thread keep a core when others wait for one
 * @param maxLiveTasks       stop when more tasks than this are alive at once (unbounded task creation)
 * @param loopIterationNs    CPU cost of one event-loop iteration with nothing to do
 * @param callbackNs         CPU cost of running one ready callback, besides the Python code it runs
 * @param threadStartNs      CPU cost of starting a thread
 * @param processStartNs     wall time for a process-pool worker to start (fork) before it takes work
 * @param processCallNs      fixed overhead of one call into a process pool (queues, manager thread)
 * @param pickleNsPerByte    cost of pickling and unpickling one byte
 * @param seed               seed used when a program calls {@code random} without seeding it
 */
public record Settings(int cpuCount, boolean gil, long switchIntervalNs, long quantumNs, long maxEvents,
                       long maxVirtualNs, long maxCpuNs, long osTimesliceNs, int maxLiveTasks, long loopIterationNs, long callbackNs,
                       long threadStartNs, long processStartNs, long processCallNs, double pickleNsPerByte,
                       long seed) {

    public static final long MS = 1_000_000L;
    public static final long SECOND = 1_000_000_000L;

    public Settings {
        if (cpuCount < 1) {
            throw new IllegalArgumentException("cpuCount must be at least 1, got " + cpuCount);
        }
        if (switchIntervalNs <= 0 || quantumNs <= 0) {
            throw new IllegalArgumentException("switch interval and quantum must be positive");
        }
        if (maxEvents <= 0 || maxVirtualNs <= 0 || maxCpuNs <= 0 || osTimesliceNs <= 0 || maxLiveTasks <= 0) {
            throw new IllegalArgumentException("budgets must be positive");
        }
    }

    public static Settings defaults() {
        return new Settings(4, true, 5 * MS, MS / 2, 10_000_000L, 3600 * SECOND, 10 * SECOND, 4 * MS, 2_000_000,
                900, 500, 40_000, 2_500_000, 80_000, 3.8, 0);
    }

    public Settings withCpuCount(int n) {
        return new Settings(n, gil, switchIntervalNs, quantumNs, maxEvents, maxVirtualNs, maxCpuNs, osTimesliceNs, maxLiveTasks,
                loopIterationNs, callbackNs, threadStartNs, processStartNs, processCallNs, pickleNsPerByte, seed);
    }

    public Settings withGil(boolean on) {
        return new Settings(cpuCount, on, switchIntervalNs, quantumNs, maxEvents, maxVirtualNs, maxCpuNs, osTimesliceNs, maxLiveTasks,
                loopIterationNs, callbackNs, threadStartNs, processStartNs, processCallNs, pickleNsPerByte, seed);
    }

    public Settings withSeed(long s) {
        return new Settings(cpuCount, gil, switchIntervalNs, quantumNs, maxEvents, maxVirtualNs, maxCpuNs, osTimesliceNs, maxLiveTasks,
                loopIterationNs, callbackNs, threadStartNs, processStartNs, processCallNs, pickleNsPerByte, s);
    }

    public Settings withBudget(long events, long virtualNs) {
        return new Settings(cpuCount, gil, switchIntervalNs, quantumNs, events, virtualNs, maxCpuNs, osTimesliceNs, maxLiveTasks,
                loopIterationNs, callbackNs, threadStartNs, processStartNs, processCallNs, pickleNsPerByte, seed);
    }

    public Settings withCpuBudget(long cpuNs) {
        return new Settings(cpuCount, gil, switchIntervalNs, quantumNs, maxEvents, maxVirtualNs, cpuNs, osTimesliceNs,
                maxLiveTasks, loopIterationNs, callbackNs, threadStartNs, processStartNs, processCallNs,
                pickleNsPerByte, seed);
    }

    public Settings withMaxLiveTasks(int n) {
        return new Settings(cpuCount, gil, switchIntervalNs, quantumNs, maxEvents, maxVirtualNs, maxCpuNs, osTimesliceNs, n,
                loopIterationNs, callbackNs, threadStartNs, processStartNs, processCallNs, pickleNsPerByte, seed);
    }

    /** The same settings with every fixed machinery cost set to zero: handy for exact-time tests. */
    public Settings withoutOverheads() {
        return new Settings(cpuCount, gil, switchIntervalNs, quantumNs, maxEvents, maxVirtualNs, maxCpuNs, osTimesliceNs, maxLiveTasks,
                0, 0, 0, processStartNs, 0, 0, seed);
    }

    /** CPython's default thread pool size: {@code min(32, os.cpu_count() + 4)}. */
    public int defaultThreadPoolWorkers() {
        return Math.min(32, cpuCount + 4);
    }
}
