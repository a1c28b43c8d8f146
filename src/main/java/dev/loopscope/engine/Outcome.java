package dev.loopscope.engine;

/** What an {@link Activity} reports at the end of one slice of execution on a simulated thread. */
public sealed interface Outcome {

    /** The activity finished; its completion goes to the activity that called it. */
    record Done(Completion completion) implements Outcome {}

    /**
     * Run {@code callee} on this thread first; when it is done, this activity's {@code run} is called again
     * with the callee's completion. This is how Python code calls into engine machinery and back.
     */
    record Call(Activity callee) implements Outcome {}

    /** The slice's CPU budget is used up (or the GIL must be handed over); run again later with null. */
    record Pause() implements Outcome {}

    /**
     * Block without using CPU for {@code nanos} of virtual time ({@code time.sleep}); the GIL is released.
     * The activity is resumed with {@code Returned(None)}.
     */
    record Sleep(long nanos) implements Outcome {}

    /**
     * Block until {@code waitable} completes ({@code future.result()} in a thread, joining a pool); the GIL is
     * released. The activity is resumed with the waitable's completion.
     */
    record Wait(Waitable waitable) implements Outcome {}

    Outcome PAUSE = new Pause();
}
