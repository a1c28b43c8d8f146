package dev.loopscope.python.syntax;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The modules a Loopscope program may import and the names it may import from them, as one table that the
 * interpreter's developers extend as they implement more. The {@link SubsetChecker} refuses any other import.
 *
 * <p>Each name carries a {@link Support} flag: {@link Support#RUNS} for what the interpreter implements;
 * {@link Support#INTERPRETER_DECIDES} for names the check lets through while the interpreter decides at run
 * time whether it can model them (it then raises a clear error if not).
 */
public final class SupportedModules {

    /** How far Loopscope supports an importable name. */
    public enum Support { RUNS, INTERPRETER_DECIDES }

    /** One importable module: its own flag and the names {@code from module import ...} may name. */
    public record Module(String name, Support support, Map<String, Support> names) {
        public Module {
            names = Map.copyOf(names);
        }

        public boolean allows(String importedName) {
            return names.containsKey(importedName);
        }
    }

    private static final Map<String, Module> TABLE = new LinkedHashMap<>();

    static {
        module("asyncio", Support.RUNS,
                runs("run", "sleep", "gather", "create_task", "wait_for", "wait", "as_completed", "get_running_loop",
                        "get_event_loop", "new_event_loop", "set_event_loop", "Task", "Future", "CancelledError",
                        "TimeoutError", "InvalidStateError", "shield", "current_task", "all_tasks", "to_thread",
                        "FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED", "iscoroutine",
                        "iscoroutinefunction"),
                decides("Queue", "Event", "Lock", "Semaphore", "BoundedSemaphore", "Condition", "TaskGroup", "timeout",
                        "run_coroutine_threadsafe", "QueueEmpty", "QueueFull", "Runner", "ensure_future"));
        module("time", Support.RUNS,
                runs("sleep", "time", "perf_counter", "monotonic", "process_time", "time_ns", "perf_counter_ns",
                        "monotonic_ns", "process_time_ns"),
                decides("thread_time", "strftime", "localtime", "gmtime", "ctime"));
        module("random", Support.RUNS,
                runs("random", "randint", "uniform", "choice", "shuffle", "seed", "sample", "randrange", "choices"),
                decides("gauss", "expovariate", "getrandbits", "Random"));
        module("concurrent.futures", Support.RUNS,
                runs("ThreadPoolExecutor", "ProcessPoolExecutor", "as_completed", "wait", "Future",
                        "FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED", "TimeoutError", "CancelledError",
                        "Executor"),
                decides("BrokenExecutor", "InvalidStateError"));
        module("math", Support.RUNS,
                runs("sqrt", "floor", "ceil", "pi", "e", "isqrt", "inf", "nan"),
                decides("fsum", "tau", "sin", "cos", "tan", "atan2", "hypot", "log", "log2", "log10", "exp", "pow",
                        "fabs", "factorial", "gcd", "lcm", "isclose", "isfinite", "isinf", "isnan", "prod", "comb",
                        "perm", "trunc", "copysign", "fmod", "dist"));
        module("threading", Support.INTERPRETER_DECIDES, Map.of(),
                decides("current_thread", "get_ident", "get_native_id", "main_thread", "active_count", "Thread",
                        "Lock", "RLock", "Event", "Semaphore", "Condition", "Barrier", "local", "enumerate"));
        module("os", Support.INTERPRETER_DECIDES, Map.of(), decides("cpu_count", "getpid", "getppid"));
        module("sys", Support.INTERPRETER_DECIDES, Map.of(),
                decides("exit", "version", "version_info", "platform", "getswitchinterval", "setswitchinterval",
                        "getrecursionlimit", "setrecursionlimit", "maxsize", "stdout", "stderr"));
        module("functools", Support.INTERPRETER_DECIDES, Map.of(), decides("partial", "reduce", "wraps"));
    }

    private SupportedModules() {
    }

    private static void module(String name, Support support, Map<String, Support> runs, Map<String, Support> decides) {
        Map<String, Support> names = new LinkedHashMap<>(runs);
        names.putAll(decides);
        TABLE.put(name, new Module(name, support, names));
    }

    private static Map<String, Support> runs(String... names) {
        Map<String, Support> out = new LinkedHashMap<>();
        for (String n : names) {
            out.put(n, Support.RUNS);
        }
        return out;
    }

    private static Map<String, Support> decides(String... names) {
        Map<String, Support> out = new LinkedHashMap<>();
        for (String n : names) {
            out.put(n, Support.INTERPRETER_DECIDES);
        }
        return out;
    }

    /** The module named {@code dottedName} ("concurrent.futures"), if Loopscope offers it. */
    public static Optional<Module> find(String dottedName) {
        return Optional.ofNullable(TABLE.get(dottedName));
    }

    /** Every module in the table, in a stable order. */
    public static Map<String, Module> all() {
        return java.util.Collections.unmodifiableMap(TABLE);
    }

    /** The module names, for messages and documentation. */
    public static Set<String> names() {
        return java.util.Collections.unmodifiableSet(TABLE.keySet());
    }
}
