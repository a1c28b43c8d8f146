package dev.loopscope.engine;

/**
 * The view an {@link Activity} has of the simulation during one slice: the virtual clock as this thread sees
 * it, the CPU budget of the slice, and the thread, process and event loop it runs on.
 */
public interface ExecContext {

    /** Virtual time in nanoseconds at this point of the slice (advances as CPU time is charged). */
    long now();

    /** Charges {@code nanos} of CPU time to this thread (the cost model of Python-level work). */
    void charge(long nanos);

    /** CPU nanoseconds left in this slice; at or below zero the activity should return {@link Outcome#PAUSE}. */
    long budgetLeft();

    /** CPU time this thread has used so far, this slice included ({@code time.thread_time()}). */
    default long threadCpuNs() {
        return now();
    }

    /** CPU time all threads of this process have used so far ({@code time.process_time()}). */
    default long processCpuNs() {
        return now();
    }

    SimThread thread();

    SimProcess process();

    /** The event loop running on this thread, or null when none runs here. */
    EventLoop loop();

    Simulation simulation();

    /** Writes program output at the current virtual time. */
    void stdout(String text);

    void stderr(String text);
}
