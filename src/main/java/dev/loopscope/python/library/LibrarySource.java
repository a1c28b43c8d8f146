package dev.loopscope.python.library;

import dev.loopscope.engine.LibraryFrame;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The traceback lines CPython 3.12.1 prints for frames of its own library ({@code asyncio},
 * {@code concurrent.futures}) that the engine models in Java: file, line, function, the stripped source
 * line and where the carets go. Paths are shown under the library directory of an installed CPython 3.12,
 * as CPython shows its own.
 */
public final class LibrarySource {

    /**
     * One library frame as a traceback prints it; {@code caretStart}/{@code caretEnd} are columns in the
     * stripped source line, or -1 when CPython prints no carets (the failing range is the whole line).
     */
    public record Frame(String file, int line, String function, String code, int caretStart, int caretEnd) {}

    private static final Map<LibraryFrame, Frame> FRAMES = new EnumMap<>(LibraryFrame.class);

    private static void put(LibraryFrame id, String file, int line, String function, String code, int start, int end) {
        FRAMES.put(id, new Frame(file, line, function, code, start, end));
    }

    static {
        put(LibraryFrame.SLEEP_AWAIT, "asyncio/tasks.py", 665, "sleep", "return await future", 7, 19);
        put(LibraryFrame.SLEEP_ZERO, "asyncio/tasks.py", 656, "sleep", "await __sleep0()", -1, -1);
        put(LibraryFrame.SLEEP0_YIELD, "asyncio/tasks.py", 650, "__sleep0", "yield", -1, -1);
        put(LibraryFrame.WAIT_FOR_AWAIT, "asyncio/tasks.py", 520, "wait_for", "return await fut", 7, 16);
        put(LibraryFrame.WAIT_FOR_ASYNC_WITH, "asyncio/tasks.py", 519, "wait_for",
                "async with timeouts.timeout(timeout):", -1, -1);
        put(LibraryFrame.WAIT_FOR_RESULT, "asyncio/tasks.py", 515, "wait_for", "return fut.result()", 7, 19);
        put(LibraryFrame.WAIT_FOR_ZERO_TIMEOUT, "asyncio/tasks.py", 517, "wait_for", "raise TimeoutError from exc", -1, -1);
        put(LibraryFrame.TIMEOUT_EXIT, "asyncio/timeouts.py", 115, "__aexit__", "raise TimeoutError from exc_val", -1, -1);
        put(LibraryFrame.RUNNERS_RUN, "asyncio/runners.py", 194, "run", "return runner.run(main)", 7, 23);
        put(LibraryFrame.RUNNER_RUN, "asyncio/runners.py", 118, "run", "return self._loop.run_until_complete(task)", 7, 42);
        put(LibraryFrame.RUN_UNTIL_COMPLETE, "asyncio/base_events.py", 684, "run_until_complete",
                "return future.result()", 7, 22);
        put(LibraryFrame.CONCURRENT_RESULT, "concurrent/futures/_base.py", 449, "result",
                "return self.__get_result()", 7, 26);
        put(LibraryFrame.CONCURRENT_RESULT_WAITED, "concurrent/futures/_base.py", 456, "result",
                "return self.__get_result()", 7, 26);
        put(LibraryFrame.CONCURRENT_GET_RESULT, "concurrent/futures/_base.py", 401, "__get_result",
                "raise self._exception", -1, -1);
        put(LibraryFrame.THREAD_WORK_ITEM, "concurrent/futures/thread.py", 58, "run",
                "result = self.fn(*self.args, **self.kwargs)", 9, 43);
        put(LibraryFrame.PROCESS_WORKER_CALL, "concurrent/futures/process.py", 263, "_process_worker",
                "r = call_item.fn(*call_item.args, **call_item.kwargs)", 4, 53);
    }

    private final Path libraryDir;

    /** Library frames shown under {@code libraryDir} (the {@code lib/python3.12} directory of a CPython). */
    public LibrarySource(Path libraryDir) {
        this.libraryDir = libraryDir;
    }

    /** The library directory of the CPython 3.12 found on this machine, as tracebacks show it. */
    public static LibrarySource detect() {
        return new LibrarySource(detectLibraryDir());
    }

    public Path libraryDir() {
        return libraryDir;
    }

    public Frame frame(LibraryFrame id) {
        return FRAMES.get(id);
    }

    /** The full path of a library file as CPython prints it. */
    public String path(Frame frame) {
        return libraryDir.resolve(frame.file()).toString();
    }

    /**
     * Where CPython 3.12 keeps its library here: {@code LOOPSCOPE_PYTHON_LIB} if set, else the newest 3.12
     * under pyenv, else {@code /usr/lib/python3.12} (Debian's and most distributions' place).
     */
    static Path detectLibraryDir() {
        String env = System.getenv("LOOPSCOPE_PYTHON_LIB");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        List<Path> roots = new ArrayList<>();
        String pyenv = System.getenv("PYENV_ROOT");
        if (pyenv != null && !pyenv.isBlank()) {
            roots.add(Path.of(pyenv, "versions"));
        }
        roots.add(Path.of(System.getProperty("user.home"), ".pyenv", "versions"));
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> versions = Files.list(root)) {
                Path best = versions.filter(p -> p.getFileName().toString().matches("3\\.12\\.\\d+"))
                        .filter(p -> Files.isDirectory(p.resolve("lib/python3.12/asyncio")))
                        .max(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString().substring(5))))
                        .orElse(null);
                if (best != null) {
                    return best.resolve("lib/python3.12");
                }
            } catch (java.io.IOException | NumberFormatException e) {
                // An unreadable pyenv directory just means none is found there.
            }
        }
        return Path.of("/usr/lib/python3.12");
    }
}
