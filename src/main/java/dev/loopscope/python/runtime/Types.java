package dev.loopscope.python.runtime;

/** The builtin types. They are immutable once their methods are installed, so every interpreter shares them. */
public final class Types {

    private Types() {
    }

    private static PyType t(String name, PyType... bases) {
        PyType t = new PyType(name, "builtins", true, bases);
        return t;
    }

    public static final PyType OBJECT = new PyType("object", "builtins", true);
    public static final PyType TYPE = t("type", OBJECT);
    public static final PyType INT = t("int", OBJECT);
    public static final PyType BOOL = t("bool", INT);
    public static final PyType FLOAT = t("float", OBJECT);
    public static final PyType COMPLEX = t("complex", OBJECT);
    public static final PyType STR = t("str", OBJECT);
    public static final PyType BYTES = t("bytes", OBJECT);
    public static final PyType NONE_TYPE = t("NoneType", OBJECT);
    public static final PyType NOT_IMPLEMENTED_TYPE = t("NotImplementedType", OBJECT);
    public static final PyType ELLIPSIS_TYPE = t("ellipsis", OBJECT);
    /** The singletons live here so that building the types' method tables never sees them unset. */
    static final PyNone NONE = new PyNone("None", NONE_TYPE);
    static final PyNone NOT_IMPLEMENTED = new PyNone("NotImplemented", NOT_IMPLEMENTED_TYPE);
    static final PyNone ELLIPSIS = new PyNone("Ellipsis", ELLIPSIS_TYPE);
    public static final PyType LIST = t("list", OBJECT);
    public static final PyType TUPLE = t("tuple", OBJECT);
    public static final PyType DICT = t("dict", OBJECT);
    public static final PyType SET = t("set", OBJECT);
    public static final PyType FROZENSET = t("frozenset", OBJECT);
    public static final PyType RANGE = t("range", OBJECT);
    public static final PyType SLICE = t("slice", OBJECT);
    public static final PyType FUNCTION = t("function", OBJECT);
    public static final PyType BUILTIN_FUNCTION = t("builtin_function_or_method", OBJECT);
    public static final PyType METHOD_DESCRIPTOR = t("method_descriptor", OBJECT);
    public static final PyType METHOD = t("method", OBJECT);
    public static final PyType MODULE = t("module", OBJECT);
    public static final PyType CELL = t("cell", OBJECT);
    public static final PyType PROPERTY = t("property", OBJECT);
    public static final PyType GETSET_DESCRIPTOR = t("getset_descriptor", OBJECT);
    public static final PyType MEMBER_DESCRIPTOR = t("member_descriptor", OBJECT);
    public static final PyType STATICMETHOD = t("staticmethod", OBJECT);
    public static final PyType CLASSMETHOD = t("classmethod", OBJECT);
    public static final PyType SUPER = t("super", OBJECT);
    public static final PyType GENERATOR = t("generator", OBJECT);
    public static final PyType COROUTINE = t("coroutine", OBJECT);
    public static final PyType ASYNC_GENERATOR = t("async_generator", OBJECT);
    public static final PyType ASYNC_GENERATOR_ASEND = t("async_generator_asend", OBJECT);
    public static final PyType ASYNC_GENERATOR_ATHROW = t("async_generator_athrow", OBJECT);
    public static final PyType ANEXT_AWAITABLE = t("anext_awaitable", OBJECT);
    public static final PyType CODE = t("code", OBJECT);
    public static final PyType TRACEBACK = t("traceback", OBJECT);
    public static final PyType LIST_ITERATOR = t("list_iterator", OBJECT);
    public static final PyType LIST_REVERSEITERATOR = t("list_reverseiterator", OBJECT);
    public static final PyType TUPLE_ITERATOR = t("tuple_iterator", OBJECT);
    public static final PyType RANGE_ITERATOR = t("range_iterator", OBJECT);
    public static final PyType STR_ITERATOR = t("str_ascii_iterator", OBJECT);
    public static final PyType DICT_KEYITERATOR = t("dict_keyiterator", OBJECT);
    public static final PyType DICT_VALUEITERATOR = t("dict_valueiterator", OBJECT);
    public static final PyType DICT_ITEMITERATOR = t("dict_itemiterator", OBJECT);
    public static final PyType SET_ITERATOR = t("set_iterator", OBJECT);
    public static final PyType CALLABLE_ITERATOR = t("callable_iterator", OBJECT);
    public static final PyType ITERATOR = t("iterator", OBJECT);
    public static final PyType DICT_KEYS = t("dict_keys", OBJECT);
    public static final PyType DICT_VALUES = t("dict_values", OBJECT);
    public static final PyType DICT_ITEMS = t("dict_items", OBJECT);
    public static final PyType ENUMERATE = t("enumerate", OBJECT);
    public static final PyType ZIP = t("zip", OBJECT);
    public static final PyType MAP = t("map", OBJECT);
    public static final PyType FILTER = t("filter", OBJECT);
    public static final PyType REVERSED = t("reversed", OBJECT);

    // Exceptions
    public static final PyType BASE_EXCEPTION = exc("BaseException", OBJECT);
    public static final PyType EXCEPTION = exc("Exception", BASE_EXCEPTION);
    public static final PyType ARITHMETIC_ERROR = exc("ArithmeticError", EXCEPTION);
    public static final PyType ZERO_DIVISION_ERROR = exc("ZeroDivisionError", ARITHMETIC_ERROR);
    public static final PyType OVERFLOW_ERROR = exc("OverflowError", ARITHMETIC_ERROR);
    public static final PyType FLOATING_POINT_ERROR = exc("FloatingPointError", ARITHMETIC_ERROR);
    public static final PyType LOOKUP_ERROR = exc("LookupError", EXCEPTION);
    public static final PyType KEY_ERROR = exc("KeyError", LOOKUP_ERROR);
    public static final PyType INDEX_ERROR = exc("IndexError", LOOKUP_ERROR);
    public static final PyType VALUE_ERROR = exc("ValueError", EXCEPTION);
    public static final PyType UNICODE_ERROR = exc("UnicodeError", VALUE_ERROR);
    public static final PyType TYPE_ERROR = exc("TypeError", EXCEPTION);
    public static final PyType NAME_ERROR = exc("NameError", EXCEPTION);
    public static final PyType UNBOUND_LOCAL_ERROR = exc("UnboundLocalError", NAME_ERROR);
    public static final PyType ATTRIBUTE_ERROR = exc("AttributeError", EXCEPTION);
    public static final PyType RUNTIME_ERROR = exc("RuntimeError", EXCEPTION);
    public static final PyType RECURSION_ERROR = exc("RecursionError", RUNTIME_ERROR);
    public static final PyType NOT_IMPLEMENTED_ERROR = exc("NotImplementedError", RUNTIME_ERROR);
    public static final PyType OS_ERROR = exc("OSError", EXCEPTION);
    public static final PyType TIMEOUT_ERROR = exc("TimeoutError", OS_ERROR);
    public static final PyType CONNECTION_ERROR = exc("ConnectionError", OS_ERROR);
    public static final PyType FILE_NOT_FOUND_ERROR = exc("FileNotFoundError", OS_ERROR);
    public static final PyType PERMISSION_ERROR = exc("PermissionError", OS_ERROR);
    public static final PyType STOP_ITERATION = exc("StopIteration", EXCEPTION);
    public static final PyType STOP_ASYNC_ITERATION = exc("StopAsyncIteration", EXCEPTION);
    public static final PyType GENERATOR_EXIT = exc("GeneratorExit", BASE_EXCEPTION);
    public static final PyType KEYBOARD_INTERRUPT = exc("KeyboardInterrupt", BASE_EXCEPTION);
    public static final PyType SYSTEM_EXIT = exc("SystemExit", BASE_EXCEPTION);
    public static final PyType ASSERTION_ERROR = exc("AssertionError", EXCEPTION);
    public static final PyType IMPORT_ERROR = exc("ImportError", EXCEPTION);
    public static final PyType MODULE_NOT_FOUND_ERROR = exc("ModuleNotFoundError", IMPORT_ERROR);
    public static final PyType SYNTAX_ERROR = exc("SyntaxError", EXCEPTION);
    public static final PyType SYSTEM_ERROR = exc("SystemError", EXCEPTION);
    public static final PyType MEMORY_ERROR = exc("MemoryError", EXCEPTION);
    public static final PyType BUFFER_ERROR = exc("BufferError", EXCEPTION);
    public static final PyType EOF_ERROR = exc("EOFError", EXCEPTION);
    public static final PyType PICKLE_ERROR = exc("PickleError", "_pickle", EXCEPTION);
    public static final PyType PICKLING_ERROR = exc("PicklingError", "_pickle", PICKLE_ERROR);
    public static final PyType WARNING = exc("Warning", EXCEPTION);
    public static final PyType USER_WARNING = exc("UserWarning", WARNING);
    public static final PyType DEPRECATION_WARNING = exc("DeprecationWarning", WARNING);
    public static final PyType RUNTIME_WARNING = exc("RuntimeWarning", WARNING);
    public static final PyType BASE_EXCEPTION_GROUP = exc("BaseExceptionGroup", BASE_EXCEPTION);
    public static final PyType EXCEPTION_GROUP = new PyType("ExceptionGroup", "builtins", true,
            BASE_EXCEPTION_GROUP, EXCEPTION);
    public static final PyType REFERENCE_ERROR = exc("ReferenceError", EXCEPTION);
    public static final PyType BLOCKING_IO_ERROR = exc("BlockingIOError", OS_ERROR);
    public static final PyType CHILD_PROCESS_ERROR = exc("ChildProcessError", OS_ERROR);
    public static final PyType FILE_EXISTS_ERROR = exc("FileExistsError", OS_ERROR);
    public static final PyType INTERRUPTED_ERROR = exc("InterruptedError", OS_ERROR);
    public static final PyType IS_A_DIRECTORY_ERROR = exc("IsADirectoryError", OS_ERROR);
    public static final PyType NOT_A_DIRECTORY_ERROR = exc("NotADirectoryError", OS_ERROR);
    public static final PyType PROCESS_LOOKUP_ERROR = exc("ProcessLookupError", OS_ERROR);
    public static final PyType BROKEN_PIPE_ERROR = exc("BrokenPipeError", CONNECTION_ERROR);
    public static final PyType CONNECTION_ABORTED_ERROR = exc("ConnectionAbortedError", CONNECTION_ERROR);
    public static final PyType CONNECTION_REFUSED_ERROR = exc("ConnectionRefusedError", CONNECTION_ERROR);
    public static final PyType CONNECTION_RESET_ERROR = exc("ConnectionResetError", CONNECTION_ERROR);
    public static final PyType INDENTATION_ERROR = exc("IndentationError", SYNTAX_ERROR);
    public static final PyType TAB_ERROR = exc("TabError", INDENTATION_ERROR);
    public static final PyType UNICODE_DECODE_ERROR = exc("UnicodeDecodeError", UNICODE_ERROR);
    public static final PyType UNICODE_ENCODE_ERROR = exc("UnicodeEncodeError", UNICODE_ERROR);
    public static final PyType UNICODE_TRANSLATE_ERROR = exc("UnicodeTranslateError", UNICODE_ERROR);
    public static final PyType BYTES_WARNING = exc("BytesWarning", WARNING);
    public static final PyType ENCODING_WARNING = exc("EncodingWarning", WARNING);
    public static final PyType FUTURE_WARNING = exc("FutureWarning", WARNING);
    public static final PyType IMPORT_WARNING = exc("ImportWarning", WARNING);
    public static final PyType PENDING_DEPRECATION_WARNING = exc("PendingDeprecationWarning", WARNING);
    public static final PyType RESOURCE_WARNING = exc("ResourceWarning", WARNING);
    public static final PyType SYNTAX_WARNING = exc("SyntaxWarning", WARNING);
    public static final PyType UNICODE_WARNING = exc("UnicodeWarning", WARNING);
    // asyncio and concurrent.futures
    public static final PyType CANCELLED_ERROR = exc("CancelledError", "asyncio.exceptions", BASE_EXCEPTION);
    public static final PyType INVALID_STATE_ERROR = exc("InvalidStateError", "asyncio.exceptions", EXCEPTION);
    public static final PyType BROKEN_BARRIER_ERROR = exc("BrokenBarrierError", "asyncio.exceptions", RUNTIME_ERROR);
    public static final PyType BROKEN_EXECUTOR = exc("BrokenExecutor", "concurrent.futures._base", RUNTIME_ERROR);
    /** {@code concurrent.futures._base.Error}, the base of its own CancelledError. */
    public static final PyType CONCURRENT_ERROR = exc("Error", "concurrent.futures._base", EXCEPTION);
    public static final PyType CONCURRENT_CANCELLED_ERROR =
            exc("CancelledError", "concurrent.futures._base", CONCURRENT_ERROR);
    public static final PyType REMOTE_TRACEBACK = exc("_RemoteTraceback", "concurrent.futures.process", EXCEPTION);
    public static final PyType BROKEN_THREAD_POOL =
            exc("BrokenThreadPool", "concurrent.futures.thread", BROKEN_EXECUTOR);
    public static final PyType BROKEN_PROCESS_POOL =
            exc("BrokenProcessPool", "concurrent.futures.process", BROKEN_EXECUTOR);

    /** The class {@code OSError(errno, strerror, ...)} really creates: the subclass for a known errno. */
    static PyType osErrorSubtype(Object[] args) {
        if (args.length < 2 || args.length > 5 || !(args[0] instanceof Long errno)) {
            return OS_ERROR;
        }
        return switch (errno.intValue()) {
            case 1, 13 -> PERMISSION_ERROR;                     // EPERM, EACCES
            case 2 -> FILE_NOT_FOUND_ERROR;                     // ENOENT
            case 3 -> PROCESS_LOOKUP_ERROR;                     // ESRCH
            case 4 -> INTERRUPTED_ERROR;                        // EINTR
            case 10 -> CHILD_PROCESS_ERROR;                     // ECHILD
            case 11, 114, 115 -> BLOCKING_IO_ERROR;             // EAGAIN, EALREADY, EINPROGRESS
            case 17 -> FILE_EXISTS_ERROR;                       // EEXIST
            case 20 -> NOT_A_DIRECTORY_ERROR;                   // ENOTDIR
            case 21 -> IS_A_DIRECTORY_ERROR;                    // EISDIR
            case 32, 108 -> BROKEN_PIPE_ERROR;                  // EPIPE, ESHUTDOWN
            case 103 -> CONNECTION_ABORTED_ERROR;               // ECONNABORTED
            case 104 -> CONNECTION_RESET_ERROR;                 // ECONNRESET
            case 110 -> TIMEOUT_ERROR;                          // ETIMEDOUT
            case 111 -> CONNECTION_REFUSED_ERROR;               // ECONNREFUSED
            default -> OS_ERROR;
        };
    }

    private static PyType exc(String name, PyType base) {
        return exc(name, "builtins", base);
    }

    private static PyType exc(String name, String module, PyType base) {
        PyType t = new PyType(name, module, true, base);
        t.allocator = PyBaseException::new;
        return t;
    }

    static {
        OBJECT.allocator = PyInstance::new;
        for (PyType t : new PyType[] {BASE_EXCEPTION}) {
            t.allocator = PyBaseException::new;
        }
        BASE_EXCEPTION_GROUP.allocator = PyExceptionGroup::new;
        EXCEPTION_GROUP.allocator = PyExceptionGroup::new;
        BOOL.subclassable = false;
        for (PyType t : new PyType[] {NONE_TYPE, NOT_IMPLEMENTED_TYPE, ELLIPSIS_TYPE, RANGE, SLICE, FUNCTION,
                BUILTIN_FUNCTION, METHOD, CELL, GENERATOR, COROUTINE, ASYNC_GENERATOR, ASYNC_GENERATOR_ASEND,
                ASYNC_GENERATOR_ATHROW, ANEXT_AWAITABLE}) {
            t.subclassable = false;
        }
        Builtins.installTypes();
    }
}
