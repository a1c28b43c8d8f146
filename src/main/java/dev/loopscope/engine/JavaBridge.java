package dev.loopscope.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Python values for the engine's own Java API: exceptions are {@link JavaError}s, None is {@link #NONE},
 * lists are Java lists. Reprs follow Python's for the values the API uses (strings, numbers, lists, errors).
 */
public final class JavaBridge implements PythonBridge {

    /** Python's None for Java-API programs. */
    public static final Object NONE = new Object() {
        @Override
        public String toString() {
            return "None";
        }
    };

    /** A Python exception in a Java-API program. */
    public static final class JavaError {
        private final String type;
        private final String message;
        Object cause;
        Object context;
        final List<LibraryFrame> frames = new ArrayList<>();

        public JavaError(String type, String message) {
            this.type = type;
            this.message = message;
        }

        public String type() {
            return type;
        }

        public String message() {
            return message;
        }

        public Object cause() {
            return cause;
        }

        public List<LibraryFrame> frames() {
            return frames;
        }

        @Override
        public String toString() {
            return message == null ? type + "()" : type + "(" + quote(message) + ")";
        }
    }

    @Override
    public Object newError(ErrorKind kind, String message) {
        String type = switch (kind) {
            case CANCELLED_ERROR -> "CancelledError";
            case TIMEOUT_ERROR -> "TimeoutError";
            case INVALID_STATE_ERROR -> "InvalidStateError";
            case RUNTIME_ERROR -> "RuntimeError";
            case VALUE_ERROR -> "ValueError";
            case TYPE_ERROR -> "TypeError";
            case BROKEN_PROCESS_POOL -> "BrokenProcessPool";
            case CONCURRENT_CANCELLED_ERROR -> "CancelledError";
            case REMOTE_TRACEBACK -> "_RemoteTraceback";
            case BROKEN_THREAD_POOL -> "BrokenThreadPool";
        };
        return new JavaError(type, message);
    }

    @Override
    public Object withCause(Object exc, Object cause) {
        ((JavaError) exc).cause = cause;
        return exc;
    }

    @Override
    public Object withContext(Object exc, Object context) {
        ((JavaError) exc).context = context;
        return exc;
    }

    @Override
    public boolean isCancelledError(Object exc) {
        return exc instanceof JavaError e && e.type.equals("CancelledError");
    }

    @Override
    public boolean isException(Object exc) {
        return exc instanceof JavaError e && !e.type.equals("CancelledError") && !isExitException(exc);
    }

    @Override
    public boolean isExitException(Object exc) {
        return exc instanceof JavaError e && (e.type.equals("KeyboardInterrupt") || e.type.equals("SystemExit"));
    }

    @Override
    public Object none() {
        return NONE;
    }

    @Override
    public String repr(Object value) {
        if (value == null || value == NONE) {
            return "None";
        }
        if (value instanceof String s) {
            return quote(s);
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof List<?> list) {
            StringJoiner j = new StringJoiner(", ", "[", "]");
            for (Object o : list) {
                j.add(repr(o));
            }
            return j.toString();
        }
        if (value instanceof Future f) {
            return f.repr();
        }
        return String.valueOf(value);
    }

    @Override
    public String str(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof JavaError e) {
            return e.message == null ? "" : e.message;
        }
        return repr(value);
    }

    @Override
    public Object newList(List<Object> items) {
        return List.copyOf(items.stream().map(o -> o == null ? NONE : o).toList());
    }

    @Override
    public void addLibraryFrame(Object exc, LibraryFrame frame) {
        if (exc instanceof JavaError e) {
            e.frames.add(frame);
        }
    }

    @Override
    public String formatException(Object exc) {
        JavaError e = (JavaError) exc;
        return "Traceback (most recent call last):\n" + e.type + (e.message == null ? "" : ": " + e.message) + "\n";
    }

    static String quote(String s) {
        String q = s.contains("'") && !s.contains("\"") ? "\"" : "'";
        return q + s.replace("\\", "\\\\").replace("\n", "\\n") + q;
    }
}
