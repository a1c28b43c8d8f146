package dev.loopscope.python.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A Python class: builtin types (immutable, shared by every interpreter), foreign types registered by the
 * engine, and classes defined by a program's {@code class} statements.
 */
public final class PyType extends PyObject {

    public final String name;
    public String qualname;
    /** {@code __module__}: "builtins" for builtin types. */
    public String module;
    public PyType[] bases;
    public PyType[] mro;
    public final PyDict dict = new PyDict();
    public final boolean builtin;
    /** A class whose {@code __slots__} (and its bases') leave its instances without a {@code __dict__}. */
    public boolean slotted;
    /** The interpreter that owns a class defined in Python; null for builtin and foreign types. */
    public Interpreter interp;
    /** For builtin types: what calling the type does ({@code int("3")}, {@code list(it)}). */
    public Native constructor;
    /** Creates a bare instance of this type (or of a subclass) before {@code __init__} runs; null if none. */
    public Function<PyType, PyObject> allocator;
    /** Whether Python classes may derive from this type. */
    public boolean subclassable = true;
    /** What calling this builtin type costs, in cost-model ticks; -1 until first needed. */
    int callCost = -1;
    /** For foreign types: the copy that pickling sends to another process; null refuses to pickle. */
    public Function<Object, Object> pickler;
    /** For foreign types: the copy a forked child gets; null shares the object. */
    public Function<Object, Object> forker;
    private final int depthHint;

    public PyType(String name, String module, boolean builtin, PyType... bases) {
        this.name = name;
        this.qualname = name;
        this.module = module;
        this.builtin = builtin;
        this.bases = bases;
        this.mro = computeMro(this, bases);
        this.depthHint = mro.length;
        for (PyType b : bases) {
            if (allocator == null && b.allocator != null) {
                allocator = b.allocator;
            }
        }
    }

    @Override
    public PyType type() {
        return Types.TYPE;
    }

    /** C3 linearisation; a TypeError when the bases admit none. */
    static PyType[] computeMro(PyType self, PyType[] bases) {
        for (int i = 0; i < bases.length; i++) {
            for (int j = 0; j < i; j++) {
                if (bases[i] == bases[j]) {
                    throw Py.typeError("duplicate base class " + bases[i].name);
                }
            }
        }
        List<List<PyType>> seqs = new ArrayList<>();
        for (PyType b : bases) {
            seqs.add(new ArrayList<>(List.of(b.mro)));
        }
        seqs.add(new ArrayList<>(List.of(bases)));
        List<PyType> out = new ArrayList<>();
        out.add(self);
        while (true) {
            seqs.removeIf(List::isEmpty);
            if (seqs.isEmpty()) {
                return out.toArray(new PyType[0]);
            }
            PyType candidate = null;
            for (List<PyType> s : seqs) {
                PyType head = s.get(0);
                boolean inTail = false;
                for (List<PyType> s2 : seqs) {
                    if (s2.indexOf(head) > 0) {
                        inTail = true;
                        break;
                    }
                }
                if (!inTail) {
                    candidate = head;
                    break;
                }
            }
            if (candidate == null) {
                // CPython names the classes still heading the sequences to merge, and breaks the line
                java.util.LinkedHashSet<PyType> heads = new java.util.LinkedHashSet<>();
                for (List<PyType> s : seqs) {
                    heads.add(s.get(0));
                }
                StringBuilder sb = new StringBuilder("Cannot create a consistent method resolution\norder (MRO) for bases");
                String sep = " ";
                for (PyType h : heads) {
                    sb.append(sep).append(h.name);
                    sep = ", ";
                }
                throw Py.typeError(sb.toString());
            }
            out.add(candidate);
            for (List<PyType> s : seqs) {
                if (!s.isEmpty() && s.get(0) == candidate) {
                    s.remove(0);
                }
            }
        }
    }

    private static final Object MISSING = new Object();
    /** Memo of MRO lookups; valid while {@link #cacheVersion} equals the owning interpreter's type version. */
    private java.util.HashMap<String, Object> cache;
    private long cacheVersion = -1;

    private long version() {
        return interp == null ? 0 : interp.typeVersion;
    }

    /** The attribute {@code name} found along the MRO, or null. */
    public Object lookup(String name) {
        long version = version();
        java.util.HashMap<String, Object> c = cache;
        if (c != null && cacheVersion == version) {
            Object v = c.get(name);
            if (v != null) {
                return v == MISSING ? null : v;
            }
        } else {
            c = new java.util.HashMap<>();
            cache = c;
            cacheVersion = version;
        }
        Object found = null;
        for (PyType t : mro) {
            Object v = t.dict.getStr(name);
            if (v != null) {
                found = v;
                break;
            }
        }
        if (c.size() < 512) {
            c.put(name, found == null ? MISSING : found);
        }
        return found;
    }

    /** Forgets memoised lookups (after this type's or a base's namespace changed). */
    public void invalidate() {
        cache = null;
        if (interp != null) {
            interp.typeVersion++;
        }
    }

    public boolean isSubtypeOf(PyType other) {
        if (this == other) {
            return true;
        }
        for (PyType t : mro) {
            if (t == other) {
                return true;
            }
        }
        return false;
    }

    /** Defines a method, constant or descriptor on a builtin or foreign type. */
    public PyType define(String attr, Object value) {
        dict.put(attr, value);
        invalidate();
        return this;
    }

    /** Defines a method implemented in Java; {@code args[0]} is the receiver. */
    public PyType method(String attr, Native fn) {
        dict.put(attr, new PyBuiltin(attr, this, fn, true));
        invalidate();
        return this;
    }

    /** Defines a read-only attribute computed from the receiver. */
    public PyType getter(String attr, Function<Object, Object> get) {
        dict.put(attr, new PyProperty(attr, get, null));
        invalidate();
        return this;
    }

    @Override
    public String toString() {
        return "<class '" + fullName() + "'>";
    }

    /** {@code module.qualname}, or just the qualname for builtins. */
    /** Whether CPython names the type with its module in messages ("'itertools.count' object is not ..."). */
    public boolean dottedInMessages;

    /** The type's name as CPython's error messages give it (its tp_name). */
    public String messageName() {
        return dottedInMessages ? module + "." + name : name;
    }

    public String fullName() {
        return module == null || module.equals("builtins") ? qualname : module + "." + qualname;
    }

    int depth() {
        return depthHint;
    }
}
