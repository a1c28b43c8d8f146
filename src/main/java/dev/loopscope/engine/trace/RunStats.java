package dev.loopscope.engine.trace;

import dev.loopscope.engine.MemoryModel;

/**
 * The figures that compare concurrency models: wall time, CPU time (and how much of the cores it used),
 * and the peak memory the processes, threads and tasks alive at once would take.
 *
 * @param wallNs         virtual time from start to the last event
 * @param cpuNs          CPU time of all threads together
 * @param cores          simulated cores
 * @param peakProcesses  most processes alive at once
 * @param peakThreads    most threads alive at once
 * @param peakTasks      most tasks pending at once
 * @param peakBytes      most memory in use at once, by the memory model
 */
public record RunStats(long wallNs, long cpuNs, int cores, int peakProcesses, int peakThreads, int peakTasks,
                       long peakBytes) {

    /** CPU time over wall time times cores: 1.0 means every core busy all the time. */
    public double cpuUse() {
        return wallNs == 0 ? 0 : (double) cpuNs / ((double) wallNs * cores);
    }

    public static RunStats of(Trace trace, int cores, MemoryModel memory) {
        int n = trace.size();
        long[] runningSince = new long[trace.threads().size()];
        java.util.Arrays.fill(runningSince, -1);
        boolean[] threadAlive = new boolean[trace.threads().size()];
        long cpu = 0;
        int processes = 0;
        int threads = 0;
        int tasks = 0;
        int peakP = 0;
        int peakT = 0;
        int peakK = 0;
        long peakBytes = 0;
        for (int i = 0; i < n; i++) {
            TraceEvent e = trace.event(i);
            switch (e) {
                case TraceEvent.ProcessStarted p -> processes++;
                case TraceEvent.ProcessEnded p -> processes--;
                case TraceEvent.ThreadStarted t -> {
                    threads++;
                    threadAlive[t.thread()] = true;
                }
                case TraceEvent.ThreadStateChanged s -> {
                    int t = s.thread();
                    if (runningSince[t] >= 0) {
                        cpu += s.time() - runningSince[t];
                        runningSince[t] = -1;
                    }
                    if (s.state() == ThreadState.RUNNING) {
                        runningSince[t] = s.time();
                    } else if (s.state() == ThreadState.DONE && threadAlive[t]) {
                        threadAlive[t] = false;
                        threads--;
                    }
                }
                case TraceEvent.TaskCreated t -> tasks++;
                case TraceEvent.TaskFinished t -> tasks--;
                default -> {
                    continue;
                }
            }
            peakP = Math.max(peakP, processes);
            peakT = Math.max(peakT, threads);
            peakK = Math.max(peakK, tasks);
            long bytes = processes * memory.processBytes() + threads * memory.threadBytes() + tasks * memory.taskBytes();
            peakBytes = Math.max(peakBytes, bytes);
        }
        long end = trace.endTime();
        for (long since : runningSince) {
            if (since >= 0) {
                cpu += end - since;
            }
        }
        return new RunStats(end, cpu, cores, peakP, peakT, peakK, peakBytes);
    }
}
