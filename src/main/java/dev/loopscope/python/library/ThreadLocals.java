package dev.loopscope.python.library;

import dev.loopscope.engine.ExecContext;
import dev.loopscope.python.runtime.HasDict;
import dev.loopscope.python.runtime.Interpreter;
import dev.loopscope.python.runtime.KeepsInitArgs;
import dev.loopscope.python.runtime.Ops;
import dev.loopscope.python.runtime.Py;
import dev.loopscope.python.runtime.PyDict;
import dev.loopscope.python.runtime.PyFunction;
import dev.loopscope.python.runtime.PyObject;
import dev.loopscope.python.runtime.PyType;
import dev.loopscope.python.runtime.Types;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code threading.local} ({@code _thread._local}): an object whose attributes each simulated thread sees on its
 * own. As in CPython, a subclass's {@code __init__} runs again, with the constructor's arguments, the first time
 * another thread touches the object.
 */
final class ThreadLocals {

    // CPython's messages name the type by its full name, _thread._local
    static final PyType TYPE = new PyType("_thread._local", "_thread", true, Types.OBJECT);

    static {
        TYPE.qualname = "_local";
        TYPE.allocator = Local::new;
        TYPE.method("__init__", (t, a, kw) -> {
            if (a.length > 1 || (kw != null && kw.length > 0)) {
                Local self = (Local) a[0];
                if (self.type.lookup("__init__") == TYPE.lookup("__init__")) {
                    throw Py.typeError("Initialization arguments are not supported");
                }
            }
            return Py.None;
        });
    }

    private ThreadLocals() {
    }

    static final class Local extends PyObject implements HasDict, KeepsInitArgs {
        private final PyType type;
        /** Each thread's attributes, by simulated thread id (-1: outside a run). */
        private final Map<Integer, PyDict> dicts = new HashMap<>();
        private Object[] initArgs = new Object[0];
        private String[] initKw;

        Local(PyType type) {
            this.type = type;
        }

        @Override
        public PyType type() {
            return type;
        }

        @Override
        public void keepInitArgs(Object[] args, String[] kwNames) {
            initArgs = args.clone();
            initKw = kwNames;
            dicts.put(threadId(), new PyDict());
        }

        @Override
        public PyDict instanceDict() {
            int id = threadId();
            PyDict d = dicts.get(id);
            if (d == null) {
                d = new PyDict();
                dicts.put(id, d);
                Object init = type.lookup("__init__");
                if (init instanceof PyFunction) {
                    Object[] args = new Object[initArgs.length + 1];
                    args[0] = this;
                    System.arraycopy(initArgs, 0, args, 1, initArgs.length);
                    Ops.callKw(init, args, initKw);
                }
            }
            return d;
        }

        private static int threadId() {
            ExecContext c = Interpreter.current().runningContext();
            return c == null || c.thread() == null ? -1 : c.thread().id();
        }
    }
}
