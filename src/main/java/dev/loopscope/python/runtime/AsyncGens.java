package dev.loopscope.python.runtime;

import dev.loopscope.engine.Asyncio;
import dev.loopscope.engine.EventLoop;
import dev.loopscope.engine.Task;
import dev.loopscope.engine.trace.HandleKind;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * What asyncio does with async generators besides iterating them: the event loop's hooks (CPython's
 * {@code sys.set_asyncgen_hooks} while a loop runs) register a generator at its first iteration, and when the
 * program lets go of one that has not finished, the loop's finaliser closes it in a task of its own
 * ({@code call_soon_threadsafe(create_task, agen.aclose())}); {@code shutdown_asyncgens} closes the rest.
 *
 * <p>Without reference counting, "lets go" is decided where CPython's count would drop to zero: an
 * {@code async for} letting go of its iterator, a variable rebound or deleted, the variables of a returning
 * frame, and those of frames an exception left, once a handler lets go of that exception; each time only when
 * nothing else reachable still refers to the generator.
 */
final class AsyncGens {

    /** Objects visited at most when looking for another reference; beyond that the generator is kept alive. */
    private static final int SEARCH_LIMIT = 200_000;

    private AsyncGens() {
    }

    /** The awaitable of {@code __anext__()}, {@code asend(v)}, {@code athrow(e)} or {@code aclose()}: hooks first. */
    static AsyncGenOp asend(PyThread t, PyGenerator g, Object value) {
        initHooks(t, g);
        return AsyncGenOp.asend(g, value);
    }

    static AsyncGenOp athrow(PyThread t, PyGenerator g, PyBaseException exc) {
        initHooks(t, g);
        return AsyncGenOp.athrow(g, exc);
    }

    static AsyncGenOp aclose(PyThread t, PyGenerator g) {
        initHooks(t, g);
        return AsyncGenOp.aclose(g);
    }

    /** The first iteration of {@code g} in a thread running an event loop: the loop keeps it and will finalise it. */
    private static void initHooks(PyThread t, PyGenerator g) {
        if (g.hooksInited) {
            return;
        }
        g.hooksInited = true;
        EventLoop loop = t == null || t.ctx == null ? null : Asyncio.runningLoop(t.ctx);
        if (loop == null) {
            return;
        }
        g.finalizer = loop;
        loop.asyncgenFirstIter(g);
        g.interp.hookedAsyncGens++;
    }

    /**
     * {@code g} is no longer referenced: the loop forgets it, and when it is suspended and not closed, the loop's
     * finaliser closes it in a new task ({@code aclose()} is called now, the task made by a callback).
     */
    static void finalize(PyGenerator g) {
        if (!(g.finalizer instanceof EventLoop loop)) {
            return;
        }
        g.finalizer = null;
        loop.asyncgenForget(g);
        if (g.state == PyGenerator.FINISHED || g.agClosed || loop.isClosed()) {
            return;
        }
        AsyncGenOp close = AsyncGenOp.aclose(g);
        loop.callSoonThreadsafe(HandleKind.INTERNAL, -1, ctx -> {
            loop.createTask(close, null, 0);
            return null;
        });
    }

    /** Whether {@code o} is an async generator an event loop's hooks took and that has not been let go of yet. */
    static boolean finalizable(Object o) {
        return o instanceof PyGenerator g && g.finalizer != null;
    }

    /**
     * Frame {@code f} returns: its variables let go of what they hold, in slot order, and containers of their
     * items (lists last item first, as CPython frees them). An async generator among them that nothing else refers
     * to is finalised.
     */
    static void releaseLocals(PyThread t, Frame f, Object returned) {
        for (PyGenerator g : heldBy(f)) {
            if (!referencedElsewhere(t, g, f, returned)) {
                finalize(g);
            }
        }
    }

    /** The async generators frame {@code f}'s variables hold, in the order CPython would let go of them. */
    static List<PyGenerator> heldBy(Frame f) {
        List<PyGenerator> held = new java.util.ArrayList<>();
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        int[] budget = {RELEASE_LIMIT};
        for (int i = 0; i < f.code.varNames.length; i++) {
            collect(f.s[i], held, seen, budget);
        }
        return held;
    }

    /**
     * Frame {@code f} ends with exception {@code exc}: the traceback keeps the frame, so its async generators are let
     * go of with the exception ({@link #dropped}).
     */
    static void heldByTraceback(Frame f, PyBaseException exc) {
        List<PyGenerator> held = heldBy(f);
        if (!held.isEmpty()) {
            if (exc.heldAsyncGens == null) {
                exc.heldAsyncGens = new java.util.ArrayList<>();
            }
            exc.heldAsyncGens.addAll(held);
        }
    }

    /**
     * A variable let go of {@code old} (rebound or deleted), or a handler let go of the exception it handled: an
     * async generator, or the generators an exception's traceback held, that nothing else refers to is finalised.
     */
    static void dropped(PyThread t, Object old) {
        if (finalizable(old)) {
            if (!referencedElsewhere(t, old, null, null)) {
                finalize((PyGenerator) old);
            }
        } else if (old instanceof PyBaseException exc && exc.heldAsyncGens != null
                && !referencedElsewhere(t, exc, null, null)) {
            List<PyGenerator> held = exc.heldAsyncGens;
            exc.heldAsyncGens = null;
            for (PyGenerator g : held) {
                if (finalizable(g) && !referencedElsewhere(t, g, null, null)) {
                    finalize(g);
                }
            }
        }
    }

    /** Objects looked through at most, per returning frame, for async generators inside its variables. */
    private static final int RELEASE_LIMIT = 2_000;

    private static void collect(Object o, List<PyGenerator> held, Set<Object> seen, int[] budget) {
        if (o == null || o instanceof String || o instanceof Long || o instanceof Double || o instanceof Boolean
                || budget[0]-- <= 0 || !seen.add(o)) {
            return;
        }
        switch (o) {
            case PyGenerator g -> {
                if (finalizable(g)) {
                    held.add(g);
                }
            }
            case PyList l -> {
                for (int i = l.size - 1; i >= 0; i--) {
                    collect(l.items[i], held, seen, budget);
                }
            }
            case PyTuple tu -> {
                for (int i = tu.items.length - 1; i >= 0; i--) {
                    collect(tu.items[i], held, seen, budget);
                }
            }
            case PyDict d -> {
                for (int i = 0; i < d.end(); i++) {
                    if (d.keyAt(i) != null) {
                        collect(d.keyAt(i), held, seen, budget);
                        collect(d.valueAt(i), held, seen, budget);
                    }
                }
            }
            case PyInstance inst -> collect(inst.dict, held, seen, budget);
            default -> {
            }
        }
    }

    /**
     * Whether anything the program can still reach refers to {@code target}: the value being returned, the
     * program's module, the thread's frames (except {@code finished}) and the coroutines of the running loop's tasks.
     */
    static boolean referencedElsewhere(PyThread t, Object target, Frame finished, Object returned) {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Object> todo = new ArrayDeque<>();
        todo.add(returned == null ? Py.None : returned);
        if (t.handled != null) {
            todo.add(t.handled);
        }
        // the program's own module: the library's modules refer to no generator of the program
        PyModule main = t.interp.modules.get("__main__");
        if (main != null) {
            todo.add(main.dict);
        }
        for (Frame f = t.frame; f != null; f = f.back) {
            if (f != finished) {
                todo.add(new FrameRef(f));
            }
        }
        EventLoop loop = t.ctx == null ? null : Asyncio.runningLoop(t.ctx);
        if (loop != null) {
            for (Task task : loop.allTasks()) {
                todo.add(task.coroutine());
            }
        }
        while (!todo.isEmpty()) {
            Object o = todo.poll();
            if (o == target) {
                return true;
            }
            if (o == null || o instanceof String || o instanceof Long || o instanceof Double || o instanceof Boolean
                    || !seen.add(o)) {
                continue;
            }
            if (seen.size() > SEARCH_LIMIT) {
                return true;
            }
            switch (o) {
                case FrameRef(Frame f) -> {
                    if (f != finished && f.kind != Frame.NATIVE) {
                        for (int i = 0; i < f.sp && i < f.s.length; i++) {
                            todo.add(f.s[i] == null ? Py.None : f.s[i]);
                        }
                        if (f.locals != null) {
                            todo.add(f.locals);
                        }
                    }
                }
                case PyGenerator g -> {
                    if (g.state != PyGenerator.FINISHED) {
                        todo.add(new FrameRef(g.frame));
                        if (g.innerHandled != null) {
                            todo.add(g.innerHandled);
                        }
                    }
                }
                case PyBaseException e -> {
                    todo.add(e.args);
                    todo.add(e.dict);
                    if (e.cause != null) {
                        todo.add(e.cause);
                    }
                    if (e.context != null) {
                        todo.add(e.context);
                    }
                }
                case AsyncGenOp op -> todo.add(op.gen);
                case AnextAwaitable a -> {
                    todo.add(a.next);
                    todo.add(a.dflt);
                }
                case PyCell c -> {
                    if (c.value != null) {
                        todo.add(c.value);
                    }
                }
                case PyList l -> {
                    for (int i = 0; i < l.size; i++) {
                        addRef(todo, l.items[i]);
                    }
                }
                case PyTuple tu -> {
                    for (Object item : tu.items) {
                        addRef(todo, item);
                    }
                }
                case PyDict d -> {
                    for (int i = 0; i < d.end(); i++) {
                        if (d.keyAt(i) != null) {
                            addRef(todo, d.keyAt(i));
                            addRef(todo, d.valueAt(i));
                        }
                    }
                }
                case PySet set -> todo.addAll(set.elements());
                case PyFunction fn -> {
                    if (fn.closure != null) {
                        Collections.addAll(todo, (Object[]) fn.closure);
                    }
                    if (fn.defaults != null) {
                        Collections.addAll(todo, fn.defaults);
                    }
                    if (fn.dict != null) {
                        todo.add(fn.dict);
                    }
                }
                case PyMethod m -> {
                    todo.add(m.self);
                    todo.add(m.function);
                }
                case PyType ty -> {
                    if (ty.interp != null) {
                        todo.add(ty.dict);
                    }
                }
                case HasDict h -> todo.add(h.instanceDict());
                default -> {
                }
            }
        }
        return false;
    }

    /** Queues {@code o} to be looked into, unless it is a value that refers to nothing. */
    private static void addRef(ArrayDeque<Object> todo, Object o) {
        if (o != null && !(o instanceof Long) && !(o instanceof String) && !(o instanceof Double)
                && !(o instanceof Boolean)) {
            todo.add(o);
        }
    }

    /** A frame to look into (frames themselves are not Python values here). */
    private record FrameRef(Frame frame) {}
}
