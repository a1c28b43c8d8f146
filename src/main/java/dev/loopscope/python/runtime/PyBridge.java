package dev.loopscope.python.runtime;

import dev.loopscope.engine.LibraryFrame;
import dev.loopscope.engine.PythonBridge;
import dev.loopscope.engine.SimProcess;
import java.util.List;

/**
 * The engine's view of this front end's Python objects: its exceptions, None, reprs, lists, tracebacks, pickling
 * and fork. {@code main} is the interpreter of the main process, used when the engine asks for a repr outside
 * any slice.
 */
public final class PyBridge implements PythonBridge {

    private final Interpreter main;
    private final TracebackFormatter formatter;
    private final TracebackFormatter uncaughtFormatter;
    private final LibraryFrames library;

    public PyBridge(Interpreter main, LibraryFrames library) {
        this.main = main;
        this.library = library;
        this.formatter = new TracebackFormatter(library);
        this.uncaughtFormatter = new TracebackFormatter(library, true);
    }

    public PyBridge(Interpreter main) {
        this(main, new LibraryFrames());
    }

    @Override
    public Object newError(ErrorKind kind, String message) {
        PyType t = switch (kind) {
            case CANCELLED_ERROR -> Types.CANCELLED_ERROR;
            case TIMEOUT_ERROR -> Types.TIMEOUT_ERROR;
            case INVALID_STATE_ERROR -> Types.INVALID_STATE_ERROR;
            case RUNTIME_ERROR -> Types.RUNTIME_ERROR;
            case VALUE_ERROR -> Types.VALUE_ERROR;
            case TYPE_ERROR -> Types.TYPE_ERROR;
            case BROKEN_PROCESS_POOL -> Types.BROKEN_PROCESS_POOL;
            case CONCURRENT_CANCELLED_ERROR -> Types.CONCURRENT_CANCELLED_ERROR;
            case REMOTE_TRACEBACK -> Types.REMOTE_TRACEBACK;
            case BROKEN_THREAD_POOL -> Types.BROKEN_THREAD_POOL;
        };
        return message == null ? Py.newException(t) : Py.newException(t, message);
    }

    @Override
    public Object withCause(Object exc, Object cause) {
        PyBaseException e = (PyBaseException) exc;
        e.cause = (PyBaseException) cause;
        e.suppressContext = true;
        return e;
    }

    @Override
    public Object withContext(Object exc, Object context) {
        PyThread.setContext((PyBaseException) exc, (PyBaseException) context);
        return exc;
    }

    @Override
    public Object withoutTraceback(Object exc) {
        ((PyBaseException) exc).traceback = null;
        return exc;
    }

    @Override
    public boolean isCancelledError(Object exc) {
        return exc instanceof PyBaseException e && e.isA(Types.CANCELLED_ERROR);
    }

    @Override
    public boolean isException(Object exc) {
        return exc instanceof PyBaseException e && e.isA(Types.EXCEPTION);
    }

    @Override
    public boolean isExitException(Object exc) {
        return exc instanceof PyBaseException e && (e.isA(Types.KEYBOARD_INTERRUPT) || e.isA(Types.SYSTEM_EXIT));
    }

    @Override
    public Object none() {
        return Py.None;
    }

    private <T> T inInterpreter(java.util.function.Supplier<T> action) {
        Interpreter prev = main.enter();
        try {
            return action.get();
        } finally {
            Interpreter.restore(prev);
        }
    }

    @Override
    public String repr(Object value) {
        Object v = value == null ? Py.None : value;
        return inInterpreter(() -> Ops.repr(v));
    }

    @Override
    public String typeName(Object value) {
        return inInterpreter(() -> Py.typeName(value == null ? Py.None : value));
    }

    @Override
    public String str(Object value) {
        return inInterpreter(() -> Ops.str(value));
    }

    @Override
    public Object traceback(Object exc) {
        return ((PyBaseException) exc).traceback;
    }

    @Override
    public void restoreTraceback(Object exc, Object tb) {
        ((PyBaseException) exc).traceback = (Traceback) tb;
    }

    @Override
    public void raisedWhileHandling(Object exc, Object handled) {
        if (exc != handled) {
            PyThread.setContext((PyBaseException) exc, (PyBaseException) handled);
        }
    }

    @Override
    public String shortRepr(Object value) {
        return inInterpreter(() -> CallbackSource.reprlib(value == null ? Py.None : value));
    }

    @Override
    public String callbackSource(Object fn) {
        return inInterpreter(() -> CallbackSource.of(fn, new Object[0]));
    }

    @Override
    public String libraryPath(String file) {
        return library.root() + "/" + file;
    }

    @Override
    public Object newList(List<Object> items) {
        return PyList.of(items);
    }

    @Override
    public void addLibraryFrame(Object exc, LibraryFrame frame) {
        PyBaseException e = (PyBaseException) exc;
        e.traceback = new Traceback(null, 0, frame, e.traceback);
    }

    @Override
    public void forEachReleased(dev.loopscope.engine.Coroutine finished, java.util.function.Consumer<Object> visit) {
        if (!(finished instanceof PyGenerator g) || g.state != PyGenerator.FINISHED) {
            return;
        }
        Frame f = g.frame;
        int slots = Math.min(f.s.length, f.code.varNames.length + f.code.nCells());
        java.util.Set<Object> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (int i = 0; i < slots; i++) {
            released(f.s[i], visit, seen, 0);
        }
    }

    private static void released(Object o, java.util.function.Consumer<Object> visit, java.util.Set<Object> seen,
            int depth) {
        if (o == null || o instanceof String || o instanceof Long || o instanceof Double || o instanceof Boolean
                || depth > 50 || !seen.add(o)) {
            return;
        }
        switch (o) {
            case PyCell c -> released(c.value, visit, seen, depth + 1);
            case PyList l -> {
                for (int i = l.size - 1; i >= 0; i--) {
                    released(l.items[i], visit, seen, depth + 1);
                }
            }
            case PyTuple t -> {
                for (int i = t.items.length - 1; i >= 0; i--) {
                    released(t.items[i], visit, seen, depth + 1);
                }
            }
            case PyDict d -> {
                for (int i = 0; i < d.end(); i++) {
                    if (d.keyAt(i) != null) {
                        released(d.keyAt(i), visit, seen, depth + 1);
                        released(d.valueAt(i), visit, seen, depth + 1);
                    }
                }
            }
            default -> visit.accept(o);
        }
    }

    @Override
    public String freedUnawaitedWarning(dev.loopscope.engine.Coroutine coro, LibraryFrame where) {
        if (coro instanceof PyGenerator g) {
            if (!g.isCoroutine()) {
                return "";
            }
            main.unawaited.remove(g);
        }
        List<LibraryFrames.Entry> at = library.entries(where);
        if (at.isEmpty()) {
            return "";
        }
        LibraryFrames.Entry e = at.get(0);
        return main.unawaitedWarning(coro.qualName(), e.file(), e.line(), e.source());
    }

    @Override
    public void writeAtExit(java.util.function.Supplier<String> text, dev.loopscope.engine.ExecContext ctx) {
        main.writeAtExit(text);
    }

    @Override
    public dev.loopscope.engine.Coroutine asyncgenAclose(Object agen) {
        return AsyncGenOp.aclose((PyGenerator) agen);
    }

    @Override
    public String formatException(Object exc) {
        return inInterpreter(() -> formatter.format((PyBaseException) exc));
    }

    @Override
    public String formatUncaught(Object exc) {
        return inInterpreter(() -> uncaughtFormatter.format((PyBaseException) exc));
    }

    @Override
    public String doneCallbackRepr(dev.loopscope.engine.trace.HandleKind kind, Object key) {
        String root = library.root();
        return switch (kind) {
            case STOP_LOOP -> "_run_until_complete_cb() at " + root + "/asyncio/base_events.py:180";
            case GATHER_CHILD_DONE -> "gather.<locals>._done_callback() at " + root + "/asyncio/tasks.py:767";
            case EXECUTOR_RESULT, EXECUTOR_CANCEL -> "_chain_future.<locals>._call_check_cancel() at " + root
                    + "/asyncio/futures.py:387";
            case USER_CALLBACK -> key == null ? null : inInterpreter(() -> callbackSource(key, ""));
            default -> null;
        };
    }

    /**
     * asyncio's {@code _format_callback_source} for a callback called without arguments: the qualified name (of the
     * function inside a {@code functools.partial}, its arguments after it), then {@code at file:line} when it is a
     * function.
     */
    private static String callbackSource(Object fn, String suffix) {
        if (fn instanceof Functools.Partial p) {
            StringBuilder args = new StringBuilder("(");
            for (int i = 0; i < p.args.length; i++) {
                args.append(i > 0 ? ", " : "").append(Ops.repr(p.args[i]));
            }
            for (int i = 0; p.kwNames != null && i < p.kwNames.length; i++) {
                args.append(p.args.length + i > 0 ? ", " : "").append(p.kwNames[i]).append('=')
                        .append(Ops.repr(p.kwValues[i]));
            }
            return callbackSource(p.func, args + ")" + suffix);
        }
        Object q = Ops.getAttrOrNull(fn, "__qualname__");
        if (!(q instanceof String qs) || qs.isEmpty()) {
            q = Ops.getAttrOrNull(fn, "__name__");
        }
        String text = (q instanceof String qs && !qs.isEmpty() ? qs : Ops.repr(fn)) + "()" + suffix;
        if (fn instanceof PyFunction f) {
            text += " at " + f.code.source.fileName() + ":" + f.code.firstLine;
        }
        return text;
    }

    @Override
    public Pickled pickle(Object value) {
        Copier c = new Copier(null, true);
        try {
            Object copy = inInterpreter(() -> c.copy(value));
            return new Pickled(copy, Math.max(16, c.bytes()), null);
        } catch (PyError e) {
            return new Pickled(null, 0, e.exc);
        }
    }

    /**
     * A pickled value arriving in the process whose interpreter is {@code interpreterState}: its module-level
     * functions and classes become that interpreter's (results coming back from a worker process, arguments
     * going to one; {@link PyThread#forCall} does this itself for the function it calls and its arguments).
     */
    @Override
    public Object unpickle(Object value, Object interpreterState) {
        return interpreterState instanceof Interpreter i ? i.adopt(value) : value;
    }

    @Override
    public Object forkInterpreter(Object parentState, SimProcess child) {
        if (parentState instanceof Interpreter parent) {
            return parent.fork(parent.settings.pid() + 1 + (child == null ? 0 : child.id()));
        }
        return parentState;
    }
}
