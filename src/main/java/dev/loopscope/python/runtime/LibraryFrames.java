package dev.loopscope.python.runtime;

import dev.loopscope.engine.LibraryFrame;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How traceback entries for frames of CPython's own library ({@link LibraryFrame}) are printed: for each id,
 * the lines CPython prints (file, line number, function, source text and caret range). The defaults quote
 * CPython 3.12.1's library under {@link #DEFAULT_ROOT}; the engine may replace any entry with {@link #put}.
 */
public final class LibraryFrames {

    /**
     * Where CPython's library lives in printed paths: the {@code loopscope.pythonLib} property or
     * {@code LOOPSCOPE_PYTHON_LIB}, else the CPython 3.12 found on this machine (pyenv), else
     * {@code /usr/lib/python3.12}, as most distributions install it.
     */
    public static final String DEFAULT_ROOT = System.getProperty("loopscope.pythonLib", detectRoot());

    static String detectRoot() {
        String env = System.getenv("LOOPSCOPE_PYTHON_LIB");
        if (env != null && !env.isBlank()) {
            return env;
        }
        java.util.List<java.nio.file.Path> roots = new java.util.ArrayList<>();
        String pyenv = System.getenv("PYENV_ROOT");
        if (pyenv != null && !pyenv.isBlank()) {
            roots.add(java.nio.file.Path.of(pyenv, "versions"));
        }
        roots.add(java.nio.file.Path.of(System.getProperty("user.home"), ".pyenv", "versions"));
        for (java.nio.file.Path root : roots) {
            if (!java.nio.file.Files.isDirectory(root)) {
                continue;
            }
            try (java.util.stream.Stream<java.nio.file.Path> versions = java.nio.file.Files.list(root)) {
                java.util.Optional<java.nio.file.Path> best = versions
                        .filter(p -> p.getFileName().toString().matches("3\\.12\\.\\d+"))
                        .filter(p -> java.nio.file.Files.isDirectory(p.resolve("lib/python3.12/asyncio")))
                        .max(java.util.Comparator.comparingInt(
                                p -> Integer.parseInt(p.getFileName().toString().substring(5))));
                if (best.isPresent()) {
                    return best.get().resolve("lib/python3.12").toString();
                }
            } catch (java.io.IOException | RuntimeException e) {
                // An unreadable pyenv directory just means no CPython is found there.
            }
        }
        return "/usr/lib/python3.12";
    }

    /**
     * One printed entry. {@code caretStart}/{@code caretEnd} are code-point offsets into the stripped
     * {@code source} line; -1 prints no caret line.
     */
    public record Entry(String file, int line, String function, String source, int caretStart, int caretEnd,
                        int anchorStart, int anchorEnd) {

        public Entry(String file, int line, String function, String source, int caretStart, int caretEnd) {
            this(file, line, function, source, caretStart, caretEnd, -1, -1);
        }

        /** An entry whose caret line marks {@code highlighted} (null: no caret line). */
        public static Entry of(String file, int line, String function, String source, String highlighted) {
            int start = highlighted == null ? -1 : source.indexOf(highlighted);
            return new Entry(file, line, function, source, start, start < 0 ? -1 : start + highlighted.length());
        }

        /** Like {@link #of}, with {@code ^} only under {@code operator} inside the range and {@code ~} around it. */
        public static Entry of(String file, int line, String function, String source, String highlighted,
                               String operator) {
            Entry e = of(file, line, function, source, highlighted);
            int op = source.indexOf(operator, e.caretStart);
            return new Entry(file, line, function, source, e.caretStart, e.caretEnd, op, op + operator.length());
        }
    }

    /** An entry of a module CPython writes in Python ({@code random.py}), for errors its functions raise. */
    public static Entry stdlib(String module, int line, String function, String source, String highlighted) {
        return Entry.of(DEFAULT_ROOT + "/" + module, line, function, source, highlighted);
    }

    /** Adds library entries (outermost first) to the traceback of an exception raised by a native. */
    public static PyError through(PyError e, Entry... outermostFirst) {
        for (int i = outermostFirst.length - 1; i >= 0; i--) {
            e.exc.traceback = new Traceback(null, 0, null, e.exc.traceback, outermostFirst[i]);
        }
        return e;
    }

    /**
     * Shows the entries of {@code exc}'s traceback for Python function {@code function} of library file
     * {@code file} as {@code entry}: for library code that Loopscope writes differently from CPython (a loop where
     * CPython calls a builtin), so that the traceback quotes CPython's line.
     */
    public static void replace(PyBaseException exc, String file, String function, Entry entry) {
        exc.traceback = replaced(exc.traceback, file, function, entry);
    }

    private static Traceback replaced(Traceback t, String file, String function, Entry entry) {
        if (t == null) {
            return null;
        }
        Traceback next = replaced(t.next(), file, function, entry);
        if (t.code() != null && t.code().name.equals(function) && t.code().source.fileName().endsWith("/" + file)) {
            return new Traceback(null, 0, null, next, entry);
        }
        return next == t.next() ? t : new Traceback(t.code(), t.pc(), t.library(), next, t.frame());
    }

    private final Map<LibraryFrame, List<Entry>> entries = new EnumMap<>(LibraryFrame.class);
    private final String root;

    public LibraryFrames() {
        this(DEFAULT_ROOT);
    }

    public LibraryFrames(String root) {
        this.root = root;
        String tasks = root + "/asyncio/tasks.py";
        String runners = root + "/asyncio/runners.py";
        String base = root + "/asyncio/base_events.py";
        String timeouts = root + "/asyncio/timeouts.py";
        String cfBase = root + "/concurrent/futures/_base.py";
        String cfThread = root + "/concurrent/futures/thread.py";
        put(LibraryFrame.SLEEP_AWAIT, Entry.of(tasks, 665, "sleep", "return await future", "await future"));
        put(LibraryFrame.SLEEP_ZERO, Entry.of(tasks, 656, "sleep", "await __sleep0()", null));
        put(LibraryFrame.SLEEP0_YIELD, Entry.of(tasks, 650, "__sleep0", "yield", null));
        put(LibraryFrame.SLEEP_NOT_STARTED, Entry.of(tasks, 653, "sleep", "async def sleep(delay, result=None):",
                null));
        put(LibraryFrame.WAIT_FOR_AWAIT, Entry.of(tasks, 520, "wait_for", "return await fut", "await fut"));
        put(LibraryFrame.WAIT_FOR_ASYNC_WITH, Entry.of(tasks, 519, "wait_for",
                "async with timeouts.timeout(timeout):", null));
        put(LibraryFrame.WAIT_FOR_ZERO_TIMEOUT, Entry.of(tasks, 517, "wait_for", "raise TimeoutError from exc",
                null));
        put(LibraryFrame.TIMEOUT_EXIT, Entry.of(timeouts, 115, "__aexit__", "raise TimeoutError from exc_val",
                null));
        put(LibraryFrame.WAIT_FOR_RESULT, Entry.of(tasks, 515, "wait_for", "return fut.result()", "fut.result()"));
        put(LibraryFrame.WAIT_FOR_DONE_RESULT, Entry.of(tasks, 511, "wait_for", "return fut.result()",
                "fut.result()"));
        put(LibraryFrame.RUNNERS_RUN, Entry.of(runners, 194, "run", "return runner.run(main)", "runner.run(main)"));
        put(LibraryFrame.CREATE_TASK_GET_LOOP, Entry.of(tasks, 417, "create_task", "loop = events.get_running_loop()",
                "events.get_running_loop()"));
        put(LibraryFrame.CREATE_TASK_CALL, Entry.of(tasks, 420, "create_task", "task = loop.create_task(coro)",
                "loop.create_task(coro)"));
        put(LibraryFrame.CREATE_TASK_CALL_CONTEXT, Entry.of(tasks, 422, "create_task",
                "task = loop.create_task(coro, context=context)", "loop.create_task(coro, context=context)"));
        put(LibraryFrame.LOOP_CREATE_TASK, Entry.of(base, 456, "create_task",
                "task = tasks.Task(coro, loop=self, name=name, context=context)",
                "tasks.Task(coro, loop=self, name=name, context=context)"));
        put(LibraryFrame.LOOP_CREATE_TASK_CHECK_CLOSED, Entry.of(base, 454, "create_task", "self._check_closed()",
                null));
        put(LibraryFrame.RUNNER_RUN, Entry.of(runners, 118, "run", "return self._loop.run_until_complete(task)",
                "self._loop.run_until_complete(task)"));
        put(LibraryFrame.RUN_UNTIL_COMPLETE, Entry.of(base, 684, "run_until_complete", "return future.result()",
                "future.result()"));
        put(LibraryFrame.RUNNERS_RUN_WITH, Entry.of(runners, 193, "run",
                "with Runner(debug=debug, loop_factory=loop_factory) as runner:", null));
        put(LibraryFrame.RUNNER_EXIT, Entry.of(runners, 62, "__exit__", "self.close()", null));
        put(LibraryFrame.RUNNER_CLOSE, Entry.of(runners, 70, "close", "_cancel_all_tasks(loop)", null));
        put(LibraryFrame.CANCEL_ALL_TASKS, Entry.of(runners, 205, "_cancel_all_tasks",
                "loop.run_until_complete(tasks.gather(*to_cancel, return_exceptions=True))", null));
        put(LibraryFrame.RUN_IN_RUNNING_LOOP, Entry.of(runners, 190, "run", "raise RuntimeError(", null));
        put(LibraryFrame.RUN_UNTIL_COMPLETE_CHECK_CLOSED, Entry.of(base, 659, "run_until_complete",
                "self._check_closed()", null));
        put(LibraryFrame.CHECK_CLOSED, Entry.of(base, 539, "_check_closed",
                "raise RuntimeError('Event loop is closed')", null));
        put(LibraryFrame.UNIX_LOOP_CLOSE, Entry.of(root + "/asyncio/unix_events.py", 68, "close", "super().close()",
                null));
        put(LibraryFrame.SELECTOR_LOOP_CLOSE_RUNNING, Entry.of(root + "/asyncio/selector_events.py", 101, "close",
                "raise RuntimeError(\"Cannot close a running event loop\")", null));
        put(LibraryFrame.RUN_UNTIL_COMPLETE_FOREVER, Entry.of(base, 671, "run_until_complete", "self.run_forever()",
                null));
        put(LibraryFrame.RUN_FOREVER, Entry.of(base, 638, "run_forever", "self._run_once()", null));
        put(LibraryFrame.RUN_ONCE, Entry.of(base, 1971, "_run_once", "handle._run()", null));
        put(LibraryFrame.HANDLE_RUN, Entry.of(root + "/asyncio/events.py", 84, "_run",
                "self._context.run(self._callback, *self._args)", null));
        put(LibraryFrame.CONCURRENT_RESULT, Entry.of(cfBase, 449, "result", "return self.__get_result()",
                "self.__get_result()"));
        put(LibraryFrame.CONCURRENT_RESULT_WAITED, Entry.of(cfBase, 456, "result", "return self.__get_result()",
                "self.__get_result()"));
        put(LibraryFrame.CONCURRENT_INVOKE_CALLBACKS, Entry.of(cfBase, 340, "_invoke_callbacks", "callback(self)",
                null));
        put(LibraryFrame.CONCURRENT_ADD_DONE_CALLBACK, Entry.of(cfBase, 424, "add_done_callback", "fn(self)", null));
        put(LibraryFrame.CONCURRENT_GET_RESULT, Entry.of(cfBase, 401, "__get_result", "raise self._exception",
                null));
        put(LibraryFrame.CONCURRENT_RESULT_CANCELLED, Entry.of(cfBase, 447, "result", "raise CancelledError()",
                null));
        put(LibraryFrame.CONCURRENT_RESULT_CANCELLED_WAITED, Entry.of(cfBase, 454, "result",
                "raise CancelledError()", null));
        put(LibraryFrame.CONCURRENT_RESULT_TIMEOUT, Entry.of(cfBase, 458, "result", "raise TimeoutError()", null));
        put(LibraryFrame.CONCURRENT_EXCEPTION_CANCELLED, Entry.of(cfBase, 483, "exception",
                "raise CancelledError()", null));
        put(LibraryFrame.CONCURRENT_EXCEPTION_CANCELLED_WAITED, Entry.of(cfBase, 490, "exception",
                "raise CancelledError()", null));
        put(LibraryFrame.CONCURRENT_EXCEPTION_TIMEOUT, Entry.of(cfBase, 494, "exception", "raise TimeoutError()",
                null));
        put(LibraryFrame.THREAD_POOL_MAX_WORKERS, Entry.of(cfThread, 147, "__init__",
                "raise ValueError(\"max_workers must be greater than 0\")", null));
        put(LibraryFrame.PROCESS_POOL_MAX_WORKERS, Entry.of(root + "/concurrent/futures/process.py", 690,
                "__init__", "raise ValueError(\"max_workers must be greater than 0\")", null));
        put(LibraryFrame.THREAD_WORK_ITEM, Entry.of(cfThread, 58, "run",
                "result = self.fn(*self.args, **self.kwargs)", "self.fn(*self.args, **self.kwargs)"));
        put(LibraryFrame.PROCESS_CHUNK_CALL, Entry.of(root + "/concurrent/futures/process.py", 212,
                "_process_chunk", "return [fn(*args) for args in chunk]", "fn(*args)"));
        put(LibraryFrame.THREAD_WORKER_INITIALIZER, Entry.of(cfThread, 72, "_worker", "initializer(*initargs)",
                null));
        put(LibraryFrame.PROCESS_WORKER_INITIALIZER, Entry.of(root + "/concurrent/futures/process.py", 242,
                "_process_worker", "initializer(*initargs)", null));
        put(LibraryFrame.THREAD_POOL_BROKEN_SUBMIT, Entry.of(cfThread, 167, "submit",
                "raise BrokenThreadPool(self._broken)", null));
        put(LibraryFrame.THREAD_POOL_SUBMIT_AFTER_SHUTDOWN, Entry.of(cfThread, 170, "submit",
                "raise RuntimeError('cannot schedule new futures after shutdown')", null));
        put(LibraryFrame.PROCESS_POOL_BROKEN_SUBMIT, Entry.of(root + "/concurrent/futures/process.py", 818, "submit",
                "raise BrokenProcessPool(self._broken)", null));
        put(LibraryFrame.PROCESS_POOL_SUBMIT_AFTER_SHUTDOWN, Entry.of(root + "/concurrent/futures/process.py", 820,
                "submit", "raise RuntimeError('cannot schedule new futures after shutdown')", null));
        put(LibraryFrame.PROCESS_WORKER_CALL, Entry.of(root + "/concurrent/futures/process.py", 263,
                "_process_worker", "r = call_item.fn(*call_item.args, **call_item.kwargs)",
                "call_item.fn(*call_item.args, **call_item.kwargs)"));
        Entry reductionDumps = Entry.of(root + "/multiprocessing/reduction.py", 51, "dumps",
                "cls(buf, protocol).dump(obj)", null);
        put(LibraryFrame.PROCESS_CALL_FEED, Entry.of(root + "/multiprocessing/queues.py", 259, "_feed",
                "obj = _ForkingPickler.dumps(obj)", "_ForkingPickler.dumps(obj)"), reductionDumps);
        put(LibraryFrame.PROCESS_RESULT_SENDBACK, Entry.of(root + "/concurrent/futures/process.py", 219,
                "_sendback_result", "result_queue.put(_ResultItem(work_id, result=result,", null),
                Entry.of(root + "/multiprocessing/queues.py", 388, "put", "obj = _ForkingPickler.dumps(obj)",
                        "_ForkingPickler.dumps(obj)"), reductionDumps);
        String heapq = root + "/heapq.py";
        for (boolean small : new boolean[] {true, false}) {
            String fn = small ? "nsmallest" : "nlargest";
            int d = small ? 0 : 60; // where the two functions agree, nlargest's line is nsmallest's plus 60
            String range = small ? "range(n)" : "range(0, -n, -1)";
            String first = "result = [(elem, i) for i, elem in zip(" + range + ", it)]";
            String keyFirst = "result = [(key(elem), i, elem) for i, elem in zip(" + range + ", it)]";
            String minMax = "result = " + (small ? "min" : "max") + "(it, default=sentinel, key=key)";
            String sorted = "return sorted(iterable, key=key" + (small ? "" : ", reverse=True") + ")[:n]";
            put(small ? LibraryFrame.NSMALLEST_MIN : LibraryFrame.NLARGEST_MAX,
                    Entry.of(heapq, 473 + d, fn, minMax, minMax.substring(9)));
            put(small ? LibraryFrame.NSMALLEST_SORTED : LibraryFrame.NLARGEST_SORTED,
                    Entry.of(heapq, 483 + d, fn, sorted, sorted.substring(7, sorted.length() - 4)));
            put(small ? LibraryFrame.NSMALLEST_FIRST : LibraryFrame.NLARGEST_FIRST,
                    Entry.of(heapq, small ? 490 : 548, fn, first, first.substring(9)));
            put(small ? LibraryFrame.NSMALLEST_REST : LibraryFrame.NLARGEST_REST,
                    Entry.of(heapq, small ? 497 : 555, fn, "for elem in it:", null));
            put(small ? LibraryFrame.NSMALLEST_KEY_FIRST : LibraryFrame.NLARGEST_KEY_FIRST,
                    Entry.of(heapq, small ? 507 : 565, fn, keyFirst, keyFirst.substring(9)));
            put(small ? LibraryFrame.NSMALLEST_KEY_FIRST_CALL : LibraryFrame.NLARGEST_KEY_FIRST_CALL,
                    Entry.of(heapq, small ? 507 : 565, fn, keyFirst, "key(elem)"));
            put(small ? LibraryFrame.NSMALLEST_KEY_REST : LibraryFrame.NLARGEST_KEY_REST,
                    Entry.of(heapq, small ? 514 : 572, fn, "for elem in it:", null));
            put(small ? LibraryFrame.NSMALLEST_KEY_CALL : LibraryFrame.NLARGEST_KEY_CALL,
                    Entry.of(heapq, small ? 515 : 573, fn, "k = key(elem)", "key(elem)"));
        }
        String inputs = "for order, it in enumerate(map(iter, iterables)):";
        put(LibraryFrame.MERGE_ITER, Entry.of(heapq, 349, "merge", inputs, null));
        put(LibraryFrame.MERGE_FIRST, Entry.of(heapq, 352, "merge", "h_append([next(), order * direction, next])",
                "next()"));
        put(LibraryFrame.MERGE_REFILL, Entry.of(heapq, 361, "merge",
                "s[0] = next()           # raises StopIteration when exhausted", "next()"));
        put(LibraryFrame.MERGE_TAIL, Entry.of(heapq, 369, "merge", "yield from next.__self__", null));
        put(LibraryFrame.MERGE_KEY_ITER, Entry.of(heapq, 372, "merge", inputs, null));
        put(LibraryFrame.MERGE_KEY_FIRST, Entry.of(heapq, 375, "merge", "value = next()", "next()"));
        put(LibraryFrame.MERGE_KEY_FIRST_CALL, Entry.of(heapq, 376, "merge",
                "h_append([key(value), order * direction, value, next])", "key(value)"));
        put(LibraryFrame.MERGE_KEY_REFILL, Entry.of(heapq, 385, "merge", "value = next()", "next()"));
        put(LibraryFrame.MERGE_KEY_REFILL_CALL, Entry.of(heapq, 386, "merge", "s[0] = key(value)", "key(value)"));
        put(LibraryFrame.MERGE_KEY_TAIL, Entry.of(heapq, 394, "merge", "yield from next.__self__", null));
    }

    /** The directory that printed paths of library files start with. */
    public String root() {
        return root;
    }

    /** Replaces the printed entry (or entries, outermost first) for {@code frame}. */
    public LibraryFrames put(LibraryFrame frame, Entry... lines) {
        entries.put(frame, List.of(lines));
        return this;
    }

    public List<Entry> entries(LibraryFrame frame) {
        return entries.getOrDefault(frame, List.of());
    }
}
