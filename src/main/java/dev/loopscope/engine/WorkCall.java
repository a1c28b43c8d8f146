package dev.loopscope.engine;

/** A function call handed to an executor: {@code fn(*args)}, supplied by the front end. */
public interface WorkCall {

    /** How the timeline names it, e.g. {@code blocking()}. */
    String label();

    /**
     * An activity that runs the call in {@code process}'s interpreter and finishes {@code Returned} or
     * {@code Raised}. For another process than the caller's, the front end resolves the function by name in
     * that interpreter and copies the arguments, as pickling does.
     */
    Activity start(SimProcess process);

    /**
     * For a process pool: checks the call can be pickled and returns the size of its pickled arguments in
     * bytes (for the cost model); throws {@link PyRaised} with CPython's error when it cannot be pickled.
     */
    default long pickle() {
        return 64;
    }

    /** True for the calls of {@code executor.map}, which a process pool runs through {@code _process_chunk}. */
    default boolean fromMap() {
        return false;
    }
}
