package dev.loopscope.engine;

/**
 * Places in CPython's own library code that an exception can pass through, named so that a front end can
 * print the traceback line CPython prints for them.
 */
public enum LibraryFrame {
    /** {@code asyncio.sleep}: {@code return await future}. */
    SLEEP_AWAIT,
    /** {@code asyncio.sleep} with a zero delay: {@code await __sleep0()}. */
    SLEEP_ZERO,
    /** {@code __sleep0}: the bare {@code yield}. */
    SLEEP0_YIELD,
    /** {@code asyncio.wait_for}: awaiting the inner awaitable inside {@code timeouts.timeout}. */
    WAIT_FOR_AWAIT,
    /** {@code asyncio.wait_for}: the {@code async with timeouts.timeout(timeout):} line. */
    WAIT_FOR_ASYNC_WITH,
    /** {@code asyncio.wait_for} with a timeout at or below zero: {@code raise TimeoutError from exc}. */
    WAIT_FOR_ZERO_TIMEOUT,
    /** {@code Timeout.__aexit__} turning the cancellation into {@code TimeoutError}. */
    TIMEOUT_EXIT,
    /** {@code asyncio.run} → {@code Runner.run}. */
    RUNNERS_RUN,
    /** {@code Runner.run} → {@code run_until_complete}. */
    RUNNER_RUN,
    /** {@code run_until_complete}: {@code return future.result()}. */
    RUN_UNTIL_COMPLETE,
    /** {@code Future.result()} re-raising a stored exception. */
    FUTURE_RESULT,
    /** {@code Task.__step} running the coroutine. */
    TASK_STEP,
    /** {@code concurrent.futures.Future.result()} in the calling thread. */
    CONCURRENT_RESULT,
    /** {@code concurrent.futures.thread._WorkItem.run} calling the function in a worker thread. */
    THREAD_WORK_ITEM,
    /** {@code run_in_executor}'s wrapped future result. */
    EXECUTOR_AWAIT
}
