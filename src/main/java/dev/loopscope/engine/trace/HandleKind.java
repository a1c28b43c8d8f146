package dev.loopscope.engine.trace;

/** What a scheduled loop callback does, named as CPython's asyncio names it. */
public enum HandleKind {
    /** {@code Task.__step}: run the task's coroutine (first step, after a bare yield, or to throw in). */
    TASK_STEP("__step"),
    /** {@code Task.__wakeup}: the future the task awaited is done. */
    TASK_WAKEUP("__wakeup"),
    /** {@code futures._set_result_unless_cancelled}: an {@code asyncio.sleep} timer. */
    SLEEP_TIMER("sleep timer"),
    /** {@code gather}'s {@code _done_callback} for one child. */
    GATHER_CHILD_DONE("gather _done_callback"),
    /** {@code Timeout._on_timeout}: a {@code wait_for} deadline. */
    TIMEOUT("_on_timeout"),
    /** {@code run_until_complete}'s callback that stops the loop. */
    STOP_LOOP("_run_until_complete_cb"),
    /** {@code _set_state}: an executor's result arriving through {@code call_soon_threadsafe}. */
    EXECUTOR_RESULT("_set_state"),
    /** {@code _call_check_cancel}: an executor-wrapped future was cancelled. */
    EXECUTOR_CANCEL("_call_check_cancel"),
    /** A done callback other than the ones above. */
    FUTURE_CALLBACK("done callback"),
    /** A Python callable passed to {@code call_soon}/{@code call_later}. */
    USER_CALLBACK("callback"),
    /** {@code _release_waiter} and other internal wake-ups. */
    INTERNAL("internal");

    public final String label;

    HandleKind(String label) {
        this.label = label;
    }
}
