package dev.loopscope.python.runtime;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Deep copies of Python values into another interpreter: everything for {@code os.fork} ({@code pickle =
 * false}), or what pickling would carry to another process ({@code pickle = true}): functions and classes
 * defined at module level travel by reference (looked up in the target by module and qualified name), while
 * lambdas, nested functions, generators and coroutines are refused with CPython's errors.
 */
public final class Copier {

    private final Interpreter target;
    private final boolean pickle;
    private final IdentityHashMap<Object, Object> done = new IdentityHashMap<>();
    /** Approximate pickled size in bytes, for the cost model of inter-process transfers. */
    long bytes;

    public Copier(Interpreter target, boolean pickle) {
        this.target = target;
        this.pickle = pickle;
    }

    /** A pickled copy of {@code value} for {@code target} (null: the same interpreter). */
    public static Object pickleCopy(Object value, Interpreter target) {
        return new Copier(target, true).copy(value);
    }

    public long bytes() {
        return bytes;
    }

    Map<String, Object> copyModuleState(Map<String, Object> state) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : state.entrySet()) {
            Object v = e.getValue();
            out.put(e.getKey(), v instanceof ModuleState ms ? ms.copyState() : v);
        }
        return out;
    }

    /** Per-interpreter state of a native module that must be duplicated by fork. */
    public interface ModuleState {
        Object copyState();
    }

    public Object copy(Object o) {
        if (o == null || o instanceof Long || o instanceof Double || o instanceof String || o instanceof Boolean
                || o instanceof java.math.BigInteger || o instanceof PyNone) {
            bytes += o instanceof String s ? s.length() + 5 : 9;
            return o;
        }
        Object prev = done.get(o);
        if (prev != null) {
            bytes += 2;
            return prev;
        }
        bytes += 8;
        if (o instanceof PyTuple t) {
            Object[] items = new Object[t.items.length];
            PyTuple r = PyTuple.of(items);
            done.put(o, r);
            for (int i = 0; i < items.length; i++) {
                items[i] = copy(t.items[i]);
            }
            return r;
        }
        if (o instanceof PyList.Sub || o instanceof PyDict.Sub || o instanceof PySet.Sub) {
            return copySub(o);
        }
        if (o instanceof PyList l) {
            PyList r = new PyList(new Object[Math.max(4, l.size)], l.size);
            done.put(o, r);
            for (int i = 0; i < l.size; i++) {
                r.items[i] = copy(l.items[i]);
            }
            return r;
        }
        if (o instanceof PyDict d) {
            PyDict r = new PyDict();
            done.put(o, r);
            for (int i = 0; i < d.end(); i++) {
                Object k = d.keyAt(i);
                if (k != null) {
                    r.put(copy(k), copy(d.valueAt(i)));
                }
            }
            return r;
        }
        if (o instanceof PySet s) {
            PySet r = new PySet(s.frozen);
            done.put(o, r);
            for (Object k : s.elements()) {
                r.add(copy(k));
            }
            return r;
        }
        if (o instanceof PyRange || o instanceof PySlice || o instanceof byte[]) {
            return o;
        }
        if (o instanceof PyType t) {
            if (t.interp == null) {
                return t;
            }
            if (pickle) {
                Object found = lookupGlobal(t.module, t.qualname);
                if (found != null) {
                    return found;
                }
                if (target == null || target == t.interp) {
                    return t;
                }
                throw picklingError("Can't pickle " + Repr.repr(t) + ": attribute lookup " + t.qualname + " on "
                        + t.module + " failed");
            }
            PyType[] bases = new PyType[t.bases.length];
            for (int i = 0; i < bases.length; i++) {
                bases[i] = (PyType) copy(t.bases[i]);
            }
            PyType r = new PyType(t.name, t.module, false, bases);
            r.qualname = t.qualname;
            r.interp = target;
            r.allocator = t.allocator;
            r.slotted = t.slotted;
            done.put(o, r);
            for (int i = 0; i < t.dict.end(); i++) {
                Object k = t.dict.keyAt(i);
                if (k != null) {
                    r.dict.put(k, copy(t.dict.valueAt(i)));
                }
            }
            return r;
        }
        if (o instanceof PyFunction f) {
            if (pickle) {
                if (f.qualname.contains("<locals>")) {
                    throw Py.attributeError("Can't pickle local object '" + f.qualname + "'");
                }
                Object found = lookupGlobal(Ops.str(f.module), f.qualname);
                if (found == null && (f.name.equals("<lambda>") || target == null || target == f.interp)) {
                    Object here = lookupIn(f.interp, Ops.str(f.module), f.qualname);
                    if (here != f) {
                        throw picklingError("Can't pickle " + Repr.repr(f) + ": attribute lookup " + f.qualname
                                + " on " + f.module + " failed");
                    }
                    return f;
                }
                if (found == null) {
                    throw picklingError("Can't pickle " + Repr.repr(f) + ": attribute lookup " + f.qualname
                            + " on " + f.module + " failed");
                }
                return found;
            }
            PyCell[] closure = null;
            if (f.closure != null) {
                closure = new PyCell[f.closure.length];
                for (int i = 0; i < closure.length; i++) {
                    closure[i] = (PyCell) copy(f.closure[i]);
                }
            }
            PyFunction r = new PyFunction(target, f.code, (PyDict) copy(f.globals),
                    f.defaults == null ? null : ((PyTuple) copy(PyTuple.of(f.defaults))).items,
                    f.kwDefaults == null ? null : (PyDict) copy(f.kwDefaults), closure);
            done.put(o, r);
            r.name = f.name;
            r.qualname = f.qualname;
            r.module = f.module;
            r.doc = f.doc;
            r.dict = f.dict == null ? null : (PyDict) copy(f.dict);
            r.annotations = f.annotations;
            return r;
        }
        if (o instanceof PyCell c) {
            PyCell r = new PyCell(null);
            done.put(o, r);
            r.value = c.value == null ? null : copy(c.value);
            return r;
        }
        if (o instanceof PyModule m) {
            if (pickle) {
                throw Py.typeError("cannot pickle 'module' object");
            }
            PyModule r = new PyModule(m.name, new PyDict());
            done.put(o, r);
            done.put(m.dict, r.dict);
            for (int i = 0; i < m.dict.end(); i++) {
                Object k = m.dict.keyAt(i);
                if (k != null) {
                    r.dict.put(k, copy(m.dict.valueAt(i)));
                }
            }
            return r;
        }
        if (o instanceof PyMethod m) {
            PyMethod r = new PyMethod(copy(m.function), copy(m.self));
            done.put(o, r);
            return r;
        }
        if (o instanceof PyGenerator g) {
            if (pickle) {
                throw Py.typeError("cannot pickle '" + g.type().name + "' object");
            }
            return g;
        }
        if (o instanceof PyExceptionGroup g) {
            PyExceptionGroup r = new PyExceptionGroup((PyType) copy(g.type));
            done.put(o, r);
            r.args = (PyTuple) copy(g.args);
            r.message = g.message;
            r.exceptions = (PyTuple) copy(g.exceptions);
            copyDict(g.dict, r.dict);
            if (!pickle) {
                r.cause = g.cause == null ? null : (PyBaseException) copy(g.cause);
                r.context = g.context == null ? null : (PyBaseException) copy(g.context);
                r.suppressContext = g.suppressContext;
                r.traceback = g.traceback;
            }
            return r;
        }
        if (o instanceof PyBaseException e) {
            PyBaseException r = new PyBaseException((PyType) copy(e.type), (PyTuple) copy(e.args));
            done.put(o, r);
            copyDict(e.dict, r.dict);
            if (!pickle) {
                r.cause = e.cause == null ? null : (PyBaseException) copy(e.cause);
                r.context = e.context == null ? null : (PyBaseException) copy(e.context);
                r.suppressContext = e.suppressContext;
                r.traceback = e.traceback;
            }
            return r;
        }
        if (o instanceof PyInstance inst) {
            PyInstance r;
            PyType t = (PyType) copy(inst.type);
            if (inst.getClass() == PyInstance.class) {
                r = new PyInstance(t);
            } else if (t.allocator != null) {
                PyObject a = t.allocator.apply(t);
                if (!(a instanceof PyInstance pi)) {
                    return o;
                }
                r = pi;
            } else {
                return o;
            }
            done.put(o, r);
            copyDict(inst.dict, r.dict);
            if (inst.slots != null) {
                r.slots = new PyDict();
                copyDict(inst.slots, r.slots);
            }
            return r;
        }
        if (o instanceof PyBuiltin || o instanceof PyWrapper || o instanceof PyProperty || o instanceof StdStream) {
            if (o instanceof PyWrapper w) {
                PyWrapper r = new PyWrapper(copy(w.callable), w.isClassMethod);
                done.put(o, r);
                return r;
            }
            if (o instanceof PyProperty p && p.javaGet == null) {
                PyProperty r = new PyProperty(copy(p.fget), copy(p.fset), copy(p.fdel));
                r.doc = p.doc == null ? null : copy(p.doc);
                r.attrName = p.attrName;
                done.put(o, r);
                return r;
            }
            return o;
        }
        PyType ft = ForeignTypes.lookup(o);
        if (ft != null) {
            if (pickle) {
                if (ft.pickler == null) {
                    throw Py.typeError("cannot pickle '" + ft.fullName() + "' object");
                }
                return ft.pickler.apply(o);
            }
            return ft.forker == null ? o : ft.forker.apply(o);
        }
        if (o instanceof PyIterator && pickle) {
            return o;
        }
        return o;
    }

    private Object copySub(Object o) {
        PyType t = (PyType) copy(Py.typeOf(o));
        PyObject r = t.allocator.apply(t);
        done.put(o, r);
        copyDict(((HasDict) o).instanceDict(), ((HasDict) r).instanceDict());
        if (o instanceof PyList l) {
            PyList rl = (PyList) r;
            for (int i = 0; i < l.size; i++) {
                rl.append(copy(l.items[i]));
            }
        } else if (o instanceof PyDict d) {
            copyDict(d, (PyDict) r);
        } else {
            for (Object k : ((PySet) o).elements()) {
                ((PySet) r).add(copy(k));
            }
        }
        return r;
    }

    private void copyDict(PyDict from, PyDict to) {
        for (int i = 0; i < from.end(); i++) {
            Object k = from.keyAt(i);
            if (k != null) {
                to.put(k, copy(from.valueAt(i)));
            }
        }
    }

    private Object lookupGlobal(String module, String qualname) {
        return target == null ? null : lookupIn(target, module, qualname);
    }

    private static Object lookupIn(Interpreter interp, String module, String qualname) {
        if (interp == null) {
            return null;
        }
        PyModule m = interp.modules.get(module);
        if (m == null) {
            return null;
        }
        Object o = m;
        for (String part : qualname.split("\\.")) {
            o = Ops.getAttrOrNull(o, part);
            if (o == null) {
                return null;
            }
        }
        return o;
    }

    private static PyError picklingError(String message) {
        return Py.error(Types.PICKLING_ERROR, message);
    }
}
