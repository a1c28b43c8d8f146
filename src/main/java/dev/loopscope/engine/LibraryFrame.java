package dev.loopscope.engine;

/**
 * Places in CPython's own library code that an exception can pass through on its way out, named so that a
 * front end can print the traceback lines CPython prints for them. Adding a frame to an exception means it
 * propagated out through that frame (frames are added innermost first).
 */
public enum LibraryFrame {
    /** {@code asyncio.sleep}: {@code return await future}. */
    SLEEP_AWAIT,
    /** {@code asyncio.sleep} with a delay of zero or less: {@code await __sleep0()}. */
    SLEEP_ZERO,
    /** {@code __sleep0}: the bare {@code yield}. */
    SLEEP0_YIELD,
    /** {@code asyncio.sleep} thrown into before it ran: its {@code async def} line. */
    SLEEP_NOT_STARTED,
    /** {@code asyncio.wait_for}: {@code return await fut} inside {@code timeouts.timeout}. */
    WAIT_FOR_AWAIT,
    /** {@code asyncio.wait_for}: the {@code async with timeouts.timeout(timeout):} line. */
    WAIT_FOR_ASYNC_WITH,
    /** {@code asyncio.wait_for} with a timeout at or below zero, after cancelling: {@code return fut.result()}. */
    WAIT_FOR_RESULT,
    /** {@code asyncio.wait_for} with a timeout at or below zero on a future already done. */
    WAIT_FOR_DONE_RESULT,
    /** {@code asyncio.wait_for} with a timeout at or below zero: {@code raise TimeoutError from exc}. */
    WAIT_FOR_ZERO_TIMEOUT,
    /** {@code Timeout.__aexit__} turning the cancellation into {@code TimeoutError}. */
    TIMEOUT_EXIT,
    /** {@code asyncio.run} → {@code Runner.run}. */
    RUNNERS_RUN,
    /** {@code asyncio.create_task} outside a running loop: {@code loop = events.get_running_loop()}. */
    CREATE_TASK_GET_LOOP,
    /** {@code asyncio.create_task}: {@code task = loop.create_task(coro)}. */
    CREATE_TASK_CALL,
    /** {@code asyncio.create_task} with a context: {@code task = loop.create_task(coro, context=context)}. */
    CREATE_TASK_CALL_CONTEXT,
    /** {@code BaseEventLoop.create_task} making the task: {@code task = tasks.Task(coro, ...)}. */
    LOOP_CREATE_TASK,
    /** {@code BaseEventLoop.create_task} on a closed loop: {@code self._check_closed()}. */
    LOOP_CREATE_TASK_CHECK_CLOSED,
    /** {@code Runner.run} → {@code run_until_complete}. */
    RUNNER_RUN,
    /** {@code asyncio.run}: the {@code with Runner(...)} line, left through the runner's {@code __exit__}. */
    RUNNERS_RUN_WITH,
    /** {@code Runner.__exit__} → {@code self.close()}. */
    RUNNER_EXIT,
    /** {@code Runner.close} → {@code _cancel_all_tasks(loop)}. */
    RUNNER_CLOSE,
    /** {@code _cancel_all_tasks}: running the loop until the cancelled tasks have finished. */
    CANCEL_ALL_TASKS,
    /** {@code asyncio.run} called from a running loop: {@code raise RuntimeError(}. */
    RUN_IN_RUNNING_LOOP,
    /** {@code run_until_complete} on a closed loop: {@code self._check_closed()}. */
    RUN_UNTIL_COMPLETE_CHECK_CLOSED,
    /** {@code _check_closed}: {@code raise RuntimeError('Event loop is closed')}. */
    CHECK_CLOSED,
    /** {@code _UnixSelectorEventLoop.close}: {@code super().close()}. */
    UNIX_LOOP_CLOSE,
    /** {@code BaseSelectorEventLoop.close} on a running loop: {@code raise RuntimeError(...)}. */
    SELECTOR_LOOP_CLOSE_RUNNING,
    /** {@code run_until_complete}: {@code return future.result()}. */
    RUN_UNTIL_COMPLETE,
    /** {@code run_until_complete}: {@code self.run_forever()}, left by SystemExit or KeyboardInterrupt. */
    RUN_UNTIL_COMPLETE_FOREVER,
    /** {@code run_forever}: {@code self._run_once()}. */
    RUN_FOREVER,
    /** {@code _run_once}: {@code handle._run()}. */
    RUN_ONCE,
    /** {@code Handle._run}: the callback, here a task step raising SystemExit or KeyboardInterrupt. */
    HANDLE_RUN,
    /** {@code concurrent.futures.Future._invoke_callbacks} calling a done callback. */
    CONCURRENT_INVOKE_CALLBACKS,
    /** {@code concurrent.futures.Future.add_done_callback} calling the callback of a future already done. */
    CONCURRENT_ADD_DONE_CALLBACK,
    /** {@code concurrent.futures.Future.result()} on a future that was already done. */
    CONCURRENT_RESULT,
    /** {@code concurrent.futures.Future.result()} after waiting for the future. */
    CONCURRENT_RESULT_WAITED,
    /** {@code Future.__get_result}: {@code raise self._exception}. */
    CONCURRENT_GET_RESULT,
    /** {@code concurrent.futures.Future.result()} on a future that was already cancelled. */
    CONCURRENT_RESULT_CANCELLED,
    /** {@code concurrent.futures.Future.result()} on a future cancelled while it waited. */
    CONCURRENT_RESULT_CANCELLED_WAITED,
    /** {@code concurrent.futures.Future.result(timeout)} when the time ran out. */
    CONCURRENT_RESULT_TIMEOUT,
    /** {@code concurrent.futures.Future.exception()} on a future that was already cancelled. */
    CONCURRENT_EXCEPTION_CANCELLED,
    /** {@code concurrent.futures.Future.exception()} on a future cancelled while it waited. */
    CONCURRENT_EXCEPTION_CANCELLED_WAITED,
    /** {@code concurrent.futures.Future.exception(timeout)} when the time ran out. */
    CONCURRENT_EXCEPTION_TIMEOUT,
    /** {@code ThreadPoolExecutor.__init__} refusing {@code max_workers <= 0}. */
    THREAD_POOL_MAX_WORKERS,
    /** {@code ProcessPoolExecutor.__init__} refusing {@code max_workers <= 0}. */
    PROCESS_POOL_MAX_WORKERS,
    /** {@code concurrent.futures.thread._WorkItem.run} calling the function in a worker thread. */
    THREAD_WORK_ITEM,
    /** {@code concurrent.futures.process._process_worker} calling the function in a worker process. */
    PROCESS_WORKER_CALL,
    /** {@code concurrent.futures.process._process_chunk} calling the function for {@code executor.map}. */
    PROCESS_CHUNK_CALL,
    /** {@code concurrent.futures.thread._worker} running the pool's initializer. */
    THREAD_WORKER_INITIALIZER,
    /** {@code concurrent.futures.process._process_worker} running the pool's initializer. */
    PROCESS_WORKER_INITIALIZER,
    /** {@code ThreadPoolExecutor.submit} on a pool whose initializer failed. */
    THREAD_POOL_BROKEN_SUBMIT,
    /** {@code ThreadPoolExecutor.submit} after shutdown. */
    THREAD_POOL_SUBMIT_AFTER_SHUTDOWN,
    /** {@code ProcessPoolExecutor.submit} on a broken pool. */
    PROCESS_POOL_BROKEN_SUBMIT,
    /** {@code ProcessPoolExecutor.submit} after shutdown. */
    PROCESS_POOL_SUBMIT_AFTER_SHUTDOWN,
    /**
     * A process pool's call failing to pickle: the call queue's feeder thread ({@code multiprocessing.queues
     * Queue._feed}) calling {@code _ForkingPickler.dumps}, then {@code reduction.py}'s {@code dumps}.
     */
    PROCESS_CALL_FEED,
    /**
     * A worker process's result failing to pickle: {@code _sendback_result} putting it on the result queue,
     * {@code Queue.put} calling {@code _ForkingPickler.dumps}, then {@code reduction.py}'s {@code dumps}.
     */
    PROCESS_RESULT_SENDBACK,
    /** {@code heapq.nsmallest} with n == 1: the {@code min(...)} line. */
    NSMALLEST_MIN,
    /** {@code heapq.nsmallest} with n at least the size: the {@code sorted(...)} line. */
    NSMALLEST_SORTED,
    /** {@code heapq.nsmallest} without key taking its first n items. */
    NSMALLEST_FIRST,
    /** {@code heapq.nsmallest} taking the items after the first n. */
    NSMALLEST_REST,
    /** {@code heapq.nsmallest} with a key taking its first n items. */
    NSMALLEST_KEY_FIRST,
    /** {@code heapq.nsmallest} calling the key for one of its first n items. */
    NSMALLEST_KEY_FIRST_CALL,
    /** {@code heapq.nsmallest} with a key taking the items after the first n. */
    NSMALLEST_KEY_REST,
    /** {@code heapq.nsmallest} calling the key for an item after the first n. */
    NSMALLEST_KEY_CALL,
    /** The same places in {@code heapq.nlargest}. */
    NLARGEST_MAX,
    NLARGEST_SORTED,
    NLARGEST_FIRST,
    NLARGEST_REST,
    NLARGEST_KEY_FIRST,
    NLARGEST_KEY_FIRST_CALL,
    NLARGEST_KEY_REST,
    NLARGEST_KEY_CALL,
    /** {@code heapq.merge}: calling {@code iter} on an input. */
    MERGE_ITER,
    /** {@code heapq.merge}: taking the first item of an input. */
    MERGE_FIRST,
    /** {@code heapq.merge}: taking the next item of the input whose item it gave last. */
    MERGE_REFILL,
    /** {@code heapq.merge}: the last input left, passed through with {@code yield from}. */
    MERGE_TAIL,
    /** The same places in {@code heapq.merge} with a key, and its calls of the key. */
    MERGE_KEY_ITER,
    MERGE_KEY_FIRST,
    MERGE_KEY_FIRST_CALL,
    MERGE_KEY_REFILL,
    MERGE_KEY_REFILL_CALL,
    MERGE_KEY_TAIL
}
