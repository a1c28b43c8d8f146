package dev.loopscope.python.syntax;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The modules a Loopscope program may import and the names it may import from them, as one table that the
 * interpreter's developers extend as they implement more. The {@link SubsetChecker} refuses any other import.
 *
 * <p>Each name carries a {@link Support} flag. Every name listed now {@link Support#RUNS}: the table lists
 * exactly the public names of the modules the interpreter provides, and a test holds it to that.
 * {@link Support#INTERPRETER_DECIDES} remains for names admitted before the interpreter models them.
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
        // Exactly the public names of the modules the interpreter provides (a test compares them).
        module("asyncio",
                "run", "sleep", "gather", "create_task", "ensure_future", "wait_for", "wait", "as_completed", "shield",
                "to_thread", "get_running_loop", "get_event_loop", "new_event_loop", "set_event_loop", "current_task",
                "all_tasks", "iscoroutine", "iscoroutinefunction", "Task", "Future", "Queue", "PriorityQueue",
                "LifoQueue", "QueueEmpty", "QueueFull", "Lock", "Event", "Condition", "Semaphore", "Barrier",
                "BoundedSemaphore", "CancelledError", "TimeoutError", "InvalidStateError", "BrokenBarrierError",
                "FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED", "TaskGroup", "Timeout", "timeout",
                "timeout_at", "run_coroutine_threadsafe", "wrap_future", "isfuture");
        module("time",
                "sleep", "time", "perf_counter", "monotonic", "process_time", "thread_time", "time_ns",
                "perf_counter_ns", "monotonic_ns", "process_time_ns", "thread_time_ns", "gmtime", "localtime",
                "strftime", "ctime", "asctime", "timezone", "altzone", "daylight", "tzname");
        module("random",
                "random", "randint", "uniform", "choice", "choices", "shuffle", "seed", "sample", "randrange",
                "gauss", "normalvariate", "expovariate", "betavariate", "triangular", "getrandbits", "getstate", "setstate",
                "Random");
        module("concurrent.futures",
                "ThreadPoolExecutor", "ProcessPoolExecutor", "as_completed", "wait", "Future", "FIRST_COMPLETED",
                "FIRST_EXCEPTION", "ALL_COMPLETED", "TimeoutError", "CancelledError", "BrokenExecutor");
        module("math",
                "sqrt", "isqrt", "floor", "ceil", "trunc", "pi", "e", "tau", "inf", "nan", "fsum", "prod", "fabs",
                "copysign", "fmod", "modf", "frexp", "ldexp", "exp", "expm1", "log", "log1p", "log2", "log10", "pow",
                "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "sinh", "cosh", "tanh", "degrees", "radians",
                "hypot", "dist", "factorial", "comb", "perm", "gcd", "lcm", "isclose", "isfinite", "isinf", "isnan");
        module("threading",
                "Thread", "Lock", "RLock", "Event", "Semaphore", "BoundedSemaphore", "current_thread", "main_thread",
                "active_count", "enumerate", "get_ident", "get_native_id", "excepthook", "__excepthook__",
                "ExceptHookArgs", "currentThread", "activeCount", "Condition", "Timer", "Barrier", "BrokenBarrierError",
                "local");
        module("multiprocessing",
                "Process", "current_process", "active_children", "parent_process", "cpu_count", "Pool", "Queue",
                "JoinableQueue", "SimpleQueue", "Lock", "RLock", "Semaphore", "BoundedSemaphore", "Condition", "Event",
                "Value", "Array", "TimeoutError", "ProcessError", "AuthenticationError", "BufferTooShort",
                "get_start_method", "get_all_start_methods", "set_start_method", "freeze_support");
        module("collections", "deque", "defaultdict", "Counter", "OrderedDict", "namedtuple");
        module("queue", "Queue", "LifoQueue", "PriorityQueue", "SimpleQueue", "Empty", "Full");
        module("os", "cpu_count", "getpid", "getppid", "getenv", "environ", "name", "sep", "linesep", "path");
        module("sys",
                "exit", "argv", "version", "version_info", "hexversion", "platform", "byteorder", "maxsize",
                "executable", "implementation", "path", "float_info", "stdout", "stderr", "__stdout__", "__stderr__",
                "getswitchinterval", "setswitchinterval", "getrecursionlimit", "setrecursionlimit",
                "get_int_max_str_digits", "set_int_max_str_digits", "intern", "getsizeof", "getrefcount",
                "exc_info", "exception");
        module("functools", "partial", "reduce", "wraps", "update_wrapper", "WRAPPER_ASSIGNMENTS", "WRAPPER_UPDATES",
                "lru_cache", "cache");
        module("itertools", "accumulate", "batched", "chain", "combinations", "combinations_with_replacement",
                "compress", "count", "cycle", "dropwhile", "filterfalse", "groupby", "islice", "pairwise",
                "permutations", "product", "repeat", "starmap", "takewhile", "tee", "zip_longest");
        module("heapq", "heappush", "heappop", "heapify", "heapreplace", "heappushpop", "nlargest", "nsmallest",
                "merge");
        module("operator", "add", "sub", "mul", "matmul", "truediv", "mod", "pow", "lshift", "rshift", "or_",
                "xor", "and_", "floordiv", "iadd", "isub", "imul", "imatmul", "itruediv", "imod", "ipow",
                "ilshift", "irshift", "ior", "ixor", "iand", "ifloordiv", "lt", "le", "eq", "ne", "gt", "ge", "neg",
                "pos", "abs", "invert", "inv", "not_", "truth", "index", "is_", "is_not", "contains", "getitem",
                "setitem", "delitem", "countOf", "indexOf", "itemgetter", "attrgetter", "methodcaller");
    }

    private SupportedModules() {
    }

    private static void module(String name, String... names) {
        Map<String, Support> all = new LinkedHashMap<>();
        for (String n : names) {
            all.put(n, Support.RUNS);
        }
        TABLE.put(name, new Module(name, Support.RUNS, all));
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
