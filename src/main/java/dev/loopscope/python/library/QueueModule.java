package dev.loopscope.python.library;

import dev.loopscope.engine.ExecContext;
import dev.loopscope.engine.Outcome;
import dev.loopscope.engine.WaitList;
import dev.loopscope.python.runtime.Args;
import dev.loopscope.python.runtime.ForeignTypes;
import dev.loopscope.python.runtime.Heapq;
import dev.loopscope.python.runtime.Interpreter;
import dev.loopscope.python.runtime.Ops;
import dev.loopscope.python.runtime.Py;
import dev.loopscope.python.runtime.PyBaseException;
import dev.loopscope.python.runtime.PyError;
import dev.loopscope.python.runtime.PyList;
import dev.loopscope.python.runtime.PyModule;
import dev.loopscope.python.runtime.PyType;
import dev.loopscope.python.runtime.Suspend;
import dev.loopscope.python.runtime.Types;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The {@code queue} module: {@code Queue}, {@code LifoQueue} and {@code PriorityQueue} written in Python over
 * {@code threading.Condition} as CPython's are ({@code queue.py} beside this class), and the C parts of CPython's
 * module ({@code _queue.SimpleQueue}, {@code _queue.Empty}, the heap functions) bound to the engine.
 */
public final class QueueModule {

    /** {@code _queue.Empty}. */
    static final PyType EMPTY = new PyType("Empty", "_queue", true, Types.EXCEPTION);
    static final PyType SIMPLE_QUEUE = ForeignTypes.register(SimpleQueue.class, "SimpleQueue", "_queue");

    private static final String SOURCE = ThreadingModule.read("queue.py");

    /** {@code _queue.SimpleQueue}: an unbounded FIFO whose {@code get} blocks the thread without the GIL. */
    static final class SimpleQueue {
        final ArrayDeque<Object> items = new ArrayDeque<>();
        final WaitList getters = new WaitList();
    }

    static {
        EMPTY.allocator = PyBaseException::new;
        SIMPLE_QUEUE.constructor = (t, a, kw) -> {
            Args.check("SimpleQueue", Arrays.copyOfRange(a, 1, a.length), kw, 0, 0);
            return new SimpleQueue();
        };
        SIMPLE_QUEUE.method("put", (t, a, kw) -> {
            Object[] p = Args.parse("put", a, kw, 2, new String[] {"self", "item", "block", "timeout"},
                    Boolean.TRUE, Py.None);
            put((SimpleQueue) p[0], p[1]);
            return Py.None;
        });
        SIMPLE_QUEUE.method("put_nowait", (t, a, kw) -> {
            Object[] p = Args.parse("put_nowait", a, kw, 2, new String[] {"self", "item"});
            put((SimpleQueue) p[0], p[1]);
            return Py.None;
        });
        SIMPLE_QUEUE.method("get", (t, a, kw) -> {
            Object[] p = Args.parse("get", a, kw, 1, new String[] {"self", "block", "timeout"}, Boolean.TRUE,
                    Py.None);
            return get(t.context(), (SimpleQueue) p[0], Ops.truthy(p[1]), p[2]);
        });
        SIMPLE_QUEUE.method("get_nowait", (t, a, kw) -> {
            Args.check("get_nowait", a, kw, 1, 1);
            return get(t.context(), (SimpleQueue) a[0], false, Py.None);
        });
        SIMPLE_QUEUE.method("empty", (t, a, kw) -> {
            Args.check("empty", a, kw, 1, 1);
            return Py.bool(((SimpleQueue) a[0]).items.isEmpty());
        });
        SIMPLE_QUEUE.method("qsize", (t, a, kw) -> {
            Args.check("qsize", a, kw, 1, 1);
            return Py.box(((SimpleQueue) a[0]).items.size());
        });
        SIMPLE_QUEUE.method("__repr__", (t, a, kw) ->
                "<_queue.SimpleQueue object at 0x" + Long.toHexString(Interpreter.idOf(a[0])) + ">");
    }

    private QueueModule() {
    }

    public static PyModule create(Interpreter interp) {
        PyModule m = new PyModule("queue");
        m.set("Empty", EMPTY);
        m.set("SimpleQueue", SIMPLE_QUEUE);
        // What queue.py refers to besides its own names: in a namespace of its own, so that the module
        // the program imports offers only the public names.
        PyModule helpers = new PyModule("queue");
        helpers.def("heappush", (t, a, kw) -> {
            Args.check("heappush", a, kw, 2, 2);
            Heapq.push(list(a[0]), a[1]);
            return Py.None;
        });
        helpers.def("heappop", (t, a, kw) -> {
            Args.check("heappop", a, kw, 1, 1);
            return Heapq.pop(list(a[0]));
        });
        helpers.set("threading", interp.importModule("threading"));
        PyModule body = LibraryPython.defineModule(interp, "queue.py", "queue", SOURCE, m, helpers);
        LibraryPython.export(body, m, "Full", "Queue", "PriorityQueue", "LifoQueue");
        return m;
    }

    static PyList list(Object o) {
        if (!(o instanceof PyList l)) {
            throw Py.typeError("heap argument must be a list");
        }
        return l;
    }

    private static void put(SimpleQueue q, Object item) {
        q.items.add(item);
        q.getters.wake(1);
    }

    /** {@code SimpleQueue.get(block, timeout)}: Empty at once, after the timeout, or never when it blocks. */
    private static Object get(ExecContext ctx, SimpleQueue q, boolean block, Object timeout) {
        long ns = -1;
        if (block && timeout != Py.None) {
            double s = Ops.toDouble(timeout);
            if (s < 0) {
                throw Py.valueError("'timeout' must be a non-negative number");
            }
            ns = (long) Math.ceil(s * 1e9);
        }
        if (!q.items.isEmpty()) {
            return q.items.poll();
        }
        if (!block || ns == 0) {
            throw new PyError(Py.newException(EMPTY));
        }
        Object[] got = new Object[1];
        return new Suspend(new Outcome.Call(q.getters.retrying(c -> {
            if (q.items.isEmpty()) {
                return false;
            }
            got[0] = q.items.poll();
            return true;
        }, ns, "SimpleQueue.get")), c -> {
            if (got[0] == null) {
                throw new PyError(Py.newException(EMPTY));
            }
            return got[0];
        });
    }
}
