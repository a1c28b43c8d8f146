package dev.loopscope.python.runtime;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The functions of the {@code builtins} module. */
final class BuiltinFunctions {

    private BuiltinFunctions() {
    }

    static void define(PyModule m, Interpreter interp) {
        m.def("print", BuiltinFunctions::print);
        m.def("len", (t, a, kw) -> {
            Args.check("len", a, kw, 1, 1);
            return Py.box(Ops.len(a[0]));
        });
        m.def("repr", (t, a, kw) -> {
            Args.check("repr", a, kw, 1, 1);
            return Ops.repr(a[0]);
        });
        m.def("ascii", (t, a, kw) -> {
            Args.check("ascii", a, kw, 1, 1);
            return Builtins.ascii(Ops.repr(a[0]));
        });
        m.def("abs", (t, a, kw) -> {
            Args.check("abs", a, kw, 1, 1);
            return Ops.abs(a[0]);
        });
        m.def("divmod", (t, a, kw) -> {
            Args.check("divmod", a, kw, 2, 2);
            return Ops.divmod(a[0], a[1]);
        });
        m.def("pow", (t, a, kw) -> {
            Object[] p = Args.parse("pow", a, kw, 2, new String[] {"base", "exp", "mod"}, Py.None);
            if (p[2] == Py.None) {
                return Ops.binary(Ops.POW, p[0], p[1], false);
            }
            if (!Py.isInt(p[0]) || !Py.isInt(p[1]) || !Py.isInt(p[2])) {
                throw Py.typeError("pow() 3rd argument not allowed unless all arguments are integers");
            }
            BigInteger mod = Ops.big(p[2]);
            if (mod.signum() == 0) {
                throw Py.valueError("pow() 3rd argument cannot be 0");
            }
            BigInteger base = Ops.big(p[0]);
            BigInteger exp = Ops.big(p[1]);
            BigInteger r;
            if (exp.signum() < 0) {
                try {
                    r = base.modInverse(mod.abs()).modPow(exp.negate(), mod.abs());
                } catch (ArithmeticException e) {
                    throw Py.valueError("base is not invertible for the given modulus");
                }
            } else {
                r = base.modPow(exp, mod.abs());
            }
            if (mod.signum() < 0 && r.signum() != 0) {
                r = r.add(mod);
            }
            return Py.normalize(r);
        });
        m.def("round", (t, a, kw) -> {
            Object[] p = Args.parse("round", a, kw, 1, new String[] {"number", "ndigits"}, Py.None);
            return Builtins.round(p[0], p[1]);
        });
        m.def("hash", (t, a, kw) -> {
            Args.check("hash", a, kw, 1, 1);
            return Py.box(Ops.hash(a[0]));
        });
        m.def("id", (t, a, kw) -> {
            Args.check("id", a, kw, 1, 1);
            return Py.box(Interpreter.idOf(a[0]));
        });
        m.def("callable", (t, a, kw) -> {
            Args.check("callable", a, kw, 1, 1);
            Object o = a[0];
            return Py.bool(o instanceof PyFunction || o instanceof PyBuiltin || o instanceof PyType
                    || o instanceof PyMethod || Py.typeOf(o).lookup("__call__") != null);
        });
        m.def("chr", (t, a, kw) -> {
            Args.check("chr", a, kw, 1, 1);
            long cp;
            try {
                cp = Ops.index(a[0]);
            } catch (PyError e) {
                if (e.exc.isA(Types.OVERFLOW_ERROR)) {
                    throw Py.overflowError("Python int too large to convert to C int");
                }
                throw e;
            }
            if (cp < 0 || cp > 0x10ffff) {
                throw Py.valueError("chr() arg not in range(0x110000)");
            }
            return new String(Character.toChars((int) cp));
        });
        m.def("ord", (t, a, kw) -> {
            Args.check("ord", a, kw, 1, 1);
            if (a[0] instanceof String s) {
                int n = Strings.length(s);
                if (n != 1) {
                    throw Py.typeError("ord() expected a character, but string of length " + n + " found");
                }
                return Py.box(s.codePointAt(0));
            }
            throw Py.typeError("ord() expected string of length 1, but " + Py.typeName(a[0]) + " found");
        });
        m.def("bin", (t, a, kw) -> radix(a, kw, "bin", 2, "0b"));
        m.def("oct", (t, a, kw) -> radix(a, kw, "oct", 8, "0o"));
        m.def("hex", (t, a, kw) -> radix(a, kw, "hex", 16, "0x"));
        m.def("format", (t, a, kw) -> {
            Args.check("format", a, kw, 1, 2);
            if (a.length > 1 && !(a[1] instanceof String)) {
                throw Py.typeError("format() argument 2 must be str, not " + Py.typeName(a[1]));
            }
            return Format.format(a[0], a.length > 1 ? (String) a[1] : "");
        });
        m.def("isinstance", (t, a, kw) -> {
            Args.check("isinstance", a, kw, 2, 2);
            return Py.bool(isInstance(a[0], a[1]));
        });
        m.def("issubclass", (t, a, kw) -> {
            Args.check("issubclass", a, kw, 2, 2);
            if (!(a[0] instanceof PyType c)) {
                throw Py.typeError("issubclass() arg 1 must be a class");
            }
            return Py.bool(isSubclass(c, a[1]));
        });
        m.def("iter", (t, a, kw) -> {
            Args.check("iter", a, kw, 1, 2);
            if (a.length == 2) {
                return new CallableIter(a[0], a[1]);
            }
            Object o = a[0];
            if (o instanceof PyGenerator g) {
                if (g.isCoroutine()) {
                    throw Py.typeError("'coroutine' object is not iterable");
                }
                return g;
            }
            return Ops.iter(o);
        });
        m.def("aiter", (t, a, kw) -> {
            Args.check("aiter", a, kw, 1, 1);
            PyType type = Py.typeOf(a[0]);
            if (type.lookup("__aiter__") == null) {
                throw Py.typeError("'" + type.name + "' object is not an async iterable");
            }
            Object it = a[0] instanceof PyGenerator g && g.isAsyncGenerator() ? g : Ops.callMethod(a[0], "__aiter__");
            if (Py.typeOf(it).lookup("__anext__") == null) {
                throw Py.typeError("aiter() returned not an async iterator of type '" + Py.typeName(it) + "'");
            }
            return it;
        });
        m.def("anext", (t, a, kw) -> {
            Args.check("anext", a, kw, 1, 2);
            PyType type = Py.typeOf(a[0]);
            if (type.lookup("__anext__") == null) {
                throw Py.typeError("'" + type.name + "' object is not an async iterator");
            }
            Object next = a[0] instanceof PyGenerator g && g.isAsyncGenerator() ? AsyncGens.asend(t, g, Py.None)
                    : Ops.callMethod(a[0], "__anext__");
            return a.length > 1 ? new AnextAwaitable(next, a[1]) : next;
        });
        m.def("next", (t, a, kw) -> {
            Args.check("next", a, kw, 1, 2);
            Object it = a[0];
            Object dflt = a.length > 1 ? a[1] : null;
            if (it instanceof PyGenerator g && !g.isCoroutine() && !g.isAsyncGenerator()) {
                return new GenOp(g, Py.None, GenOp.SEND, dflt);
            }
            PyType itType = Py.typeOf(it);
            Object nextMethod = it instanceof PyIterator ? null : itType.lookup("__next__");
            if (!(it instanceof PyIterator) && nextMethod == null) {
                throw Py.typeError("'" + Py.typeName(it) + "' object is not an iterator");
            }
            if (NativeTask.onThread(it)) {
                // the item takes Python code: run it on this thread
                if (dflt == null && nextMethod != null) {
                    return new TailCall(Attributes.bind(nextMethod, it, itType));
                }
                return new NativeTask.NextItem(it, dflt);
            }
            if (it instanceof PyIterator pi) {
                Object v = pi.next();
                if (v == null) {
                    if (dflt != null) {
                        return dflt;
                    }
                    throw Py.stopIteration(null);
                }
                return v;
            }
            try {
                return Ops.callMethod(it, "__next__");
            } catch (PyError e) {
                if (dflt != null && e.exc.isA(Types.STOP_ITERATION)) {
                    return dflt;
                }
                throw e;
            }
        });
        m.def("sum", BuiltinFunctions::sum);
        m.def("min", (t, a, kw) -> minMax(t, a, kw, "min", true));
        m.def("max", (t, a, kw) -> minMax(t, a, kw, "max", false));
        m.def("any", (t, a, kw) -> {
            Args.check("any", a, kw, 1, 1);
            return IterTasks.run(t, new IterTasks.AnyAll(Ops.iter(a[0]), true));
        });
        m.def("all", (t, a, kw) -> {
            Args.check("all", a, kw, 1, 1);
            return IterTasks.run(t, new IterTasks.AnyAll(Ops.iter(a[0]), false));
        });
        m.def("sorted", (t, a, kw) -> {
            int npos = Args.positional(a, kw);
            if (npos != 1) {
                throw Py.typeError(npos == 0 ? "sorted expected 1 argument, got 0"
                        : "sorted expected 1 argument, got " + npos);
            }
            // as CPython: the list first, then list.sort checks the keyword arguments
            return IterTasks.withItems(t, a[0], items -> {
                PyList l = PyList.of(items.clone());
                l.allocated = (items.length + 1) & ~1; // sorted() makes its list as list() does
                Object key = Args.keyword(a, kw, "key");
                Object rev = Args.keyword(a, kw, "reverse");
                if (kw != null) {
                    for (String k : kw) {
                        if (!k.equals("key") && !k.equals("reverse")) {
                            throw Py.typeError("'" + k + "' is an invalid keyword argument for sort()");
                        }
                    }
                }
                return Sorting.sort(t, l, key == null ? Py.None : key, rev != null && Ops.truthy(rev), false);
            });
        });
        m.def("getattr", (t, a, kw) -> {
            Args.check("getattr", a, kw, 2, 3);
            if (!(a[1] instanceof String name)) {
                throw Py.typeError("attribute name must be string, not '" + Py.typeName(a[1]) + "'");
            }
            if (a.length == 3) {
                try {
                    Object v = Ops.getAttrOrNull(a[0], name);
                    return v == null ? a[2] : v;
                } catch (PyError e) {
                    if (e.exc.isA(Types.ATTRIBUTE_ERROR)) {
                        return a[2];
                    }
                    throw e;
                }
            }
            return a[0] instanceof PySuper sup ? superAttr(sup, name) : Ops.getAttr(a[0], name);
        });
        m.def("setattr", (t, a, kw) -> {
            Args.check("setattr", a, kw, 3, 3);
            if (!(a[1] instanceof String name)) {
                throw Py.typeError("attribute name must be string, not '" + Py.typeName(a[1]) + "'");
            }
            Ops.setAttr(a[0], name, a[2]);
            return Py.None;
        });
        m.def("hasattr", (t, a, kw) -> {
            Args.check("hasattr", a, kw, 2, 2);
            if (!(a[1] instanceof String name)) {
                throw Py.typeError("attribute name must be string, not '" + Py.typeName(a[1]) + "'");
            }
            try {
                return Py.bool(Ops.getAttrOrNull(a[0], name) != null);
            } catch (PyError e) {
                if (e.exc.isA(Types.ATTRIBUTE_ERROR)) {
                    return false;
                }
                throw e;
            }
        });
        m.def("delattr", (t, a, kw) -> {
            Args.check("delattr", a, kw, 2, 2);
            Ops.delAttr(a[0], (String) a[1]);
            return Py.None;
        });
        m.def("globals", (t, a, kw) -> t.frame.globals);
        m.def("locals", (t, a, kw) -> t.frame.locals != null ? t.frame.locals : localsOf(t.frame));
        m.def("vars", (t, a, kw) -> {
            if (a.length == 0) {
                return t.frame.locals != null ? t.frame.locals : localsOf(t.frame);
            }
            Object o = a[0];
            if (o instanceof PyInstance inst && !inst.type.slotted) {
                return inst.dict;
            }
            if (o instanceof PyModule mod) {
                return mod.dict;
            }
            if (o instanceof PyType ty) {
                return ty.dict.copy();
            }
            if (o instanceof PyFunction fn) {
                if (fn.dict == null) {
                    fn.dict = new PyDict();
                }
                return fn.dict;
            }
            throw Py.typeError("vars() argument must have __dict__ attribute");
        });
        m.def("dir", (t, a, kw) -> {
            TreeSet<String> names = new TreeSet<>(Ops::compareStrings);
            if (a.length == 0) {
                PyDict d = t.frame.locals != null ? t.frame.locals : localsOf(t.frame);
                for (Object k : d.keyList()) {
                    names.add((String) k);
                }
            } else {
                Object o = a[0];
                if (o instanceof PyModule mod) {
                    for (Object k : mod.dict.keyList()) {
                        names.add((String) k);
                    }
                } else {
                    if (o instanceof PyInstance inst) {
                        for (Object k : inst.dict.keyList()) {
                            names.add((String) k);
                        }
                    }
                    PyType ty = o instanceof PyType pt ? pt : Py.typeOf(o);
                    for (PyType b : ty.mro) {
                        DirNames.addOwn(b, names);
                    }
                }
            }
            List<Object> out = new ArrayList<>(names);
            return PyList.of(out);
        });
        m.def("input", (t, a, kw) -> {
            Args.check("input", a, kw, 0, 1);
            if (a.length > 0) {
                interp.writeOut(Ops.str(a[0]));
            }
            throw Py.error(Types.EOF_ERROR, "EOF when reading a line");
        });
        m.def("exit", (t, a, kw) -> {
            throw new PyError(Py.newException(Types.SYSTEM_EXIT, a.length > 0 ? a : new Object[0]));
        });
        m.set("quit", m.get("exit"));
        m.def("__import__", (t, a, kw) -> {
            PyModule mod = interp.importModule((String) a[0]);
            if (mod == null) {
                throw Py.error(Types.MODULE_NOT_FOUND_ERROR, "No module named '" + a[0] + "'");
            }
            return mod;
        });
        m.def("exec", (t, a, kw) -> execOrEval(t, a, kw, false));
        m.def("eval", (t, a, kw) -> execOrEval(t, a, kw, true));
        m.def("open", (t, a, kw) -> {
            throw Py.error(Types.OS_ERROR, "files are not available in the simulation");
        });
    }

    /** {@code exec(source, globals, locals)} and {@code eval(...)}: the code runs as a frame of this thread. */
    private static Object execOrEval(PyThread t, Object[] a, String[] kw, boolean eval) {
        String name = eval ? "eval" : "exec";
        Object[] p = Args.parse(name, a, kw, 1, new String[] {"source", "globals", "locals"}, Py.None, Py.None);
        if (!(p[0] instanceof String src)) {
            throw Py.typeError(name + "() arg 1 must be a string, bytes or code object");
        }
        PyDict globals = p[1] instanceof PyDict g ? g : t.frame.globals;
        PyDict locals = p[2] instanceof PyDict l ? l : p[1] instanceof PyDict g2 ? g2
                : t.frame.locals != null ? t.frame.locals : localsOf(t.frame);
        if (globals.getStr("__builtins__") == null) {
            globals.put("__builtins__", t.interp.builtinsModule);
        }
        // eval() ignores leading spaces and tabs
        Code code = SourceCompiler.compile(eval ? src.replaceFirst("^[ \t]+", "") : src, eval);
        if (!code.compileWarnings.isEmpty()) {
            t.interp.writeErr(String.join("", code.compileWarnings));
        }
        if (code.foldsBoolInversion && t.frame != null) {
            t.interp.warn("DeprecationWarning", PyThread.BOOL_INVERT_WARNING, t.frame.code, t.frame.pc - 1);
        }
        return new TailCall(new CodeRunner(code, globals, locals), new Object[0], null, null);
    }

    private static Object superAttr(PySuper sup, String name) {
        Object v = sup.lookup(name);
        if (v == null) {
            throw Py.attributeError("'super' object has no attribute '" + name + "'");
        }
        return v;
    }

    static PyDict localsOf(Frame f) {
        if (f.localsSnapshot == null) {
            f.localsSnapshot = new PyDict();
        }
        PyDict d = f.localsSnapshot;
        Code c = f.code;
        for (int i = 0; i < c.varNames.length; i++) {
            if (f.s[i] != null) {
                d.put(c.varNames[i], f.s[i]);
            } else {
                d.remove(c.varNames[i]);
            }
        }
        int base = c.varNames.length;
        for (int i = 0; i < c.cellVars.length + c.freeVars.length; i++) {
            Object cell = f.s[base + i];
            String name = i < c.cellVars.length ? c.cellVars[i] : c.freeVars[i - c.cellVars.length];
            if (cell instanceof PyCell pc && pc.value != null) {
                d.put(name, pc.value);
            } else {
                d.remove(name);
            }
        }
        return d;
    }

    private static Object radix(Object[] a, String[] kw, String name, int radix, String prefix) {
        Args.check(name, a, kw, 1, 1);
        Object v = a[0];
        if (!Py.isInt(v)) {
            if (v instanceof PyInstance && Py.typeOf(v).lookup("__index__") != null) {
                v = Ops.callMethod(v, "__index__");
            } else {
                throw Py.typeError("'" + Py.typeName(v) + "' object cannot be interpreted as an integer");
            }
        }
        BigInteger b = Ops.big(v);
        String s = b.abs().toString(radix);
        return (b.signum() < 0 ? "-" : "") + prefix + s;
    }

    static boolean isInstance(Object o, Object cls) {
        if (cls instanceof PyType t) {
            if (t == Types.FLOAT && o instanceof Double || t == Types.INT && Py.isInt(o)
                    || t == Types.STR && o instanceof String) {
                return true;
            }
            return Py.typeOf(o).isSubtypeOf(t);
        }
        if (cls instanceof PyTuple tup) {
            for (Object c : tup.items) {
                if (isInstance(o, c)) {
                    return true;
                }
            }
            return false;
        }
        if (cls instanceof GenericAlias) {
            throw Py.typeError("isinstance() argument 2 cannot be a parameterized generic");
        }
        if (cls instanceof UnionType u) {
            for (Object c : u.args) {
                if (c instanceof GenericAlias) {
                    throw Py.typeError("isinstance() argument 2 cannot be a parameterized generic");
                }
            }
            for (Object c : u.args) {
                if (isInstance(o, c)) {
                    return true;
                }
            }
            return false;
        }
        throw Py.typeError("isinstance() arg 2 must be a type, a tuple of types, or a union");
    }

    static boolean isSubclass(PyType c, Object cls) {
        if (cls instanceof PyType t) {
            return c.isSubtypeOf(t);
        }
        if (cls instanceof PyTuple tup) {
            for (Object x : tup.items) {
                if (isSubclass(c, x)) {
                    return true;
                }
            }
            return false;
        }
        if (cls instanceof UnionType u) {
            for (Object x : u.args) {
                if (x instanceof GenericAlias) {
                    throw Py.typeError("issubclass() argument 2 cannot be a parameterized generic");
                }
            }
            for (Object x : u.args) {
                if (isSubclass(c, x)) {
                    return true;
                }
            }
            return false;
        }
        throw Py.typeError("issubclass() arg 2 must be a class, a tuple of classes, or a union");
    }

    private static Object print(PyThread t, Object[] a, String[] kw) {
        int npos = Args.positional(a, kw);
        Object sep = Py.None;
        Object end = Py.None;
        Object file = Py.None;
        Object flush = Boolean.FALSE;
        if (kw != null) {
            for (int i = 0; i < kw.length; i++) {
                Object v = a[npos + i];
                switch (kw[i]) {
                    case "sep" -> sep = v;
                    case "end" -> end = v;
                    case "file" -> file = v;
                    case "flush" -> flush = v;
                    default -> throw Py.typeError("'" + kw[i] + "' is an invalid keyword argument for print()");
                }
            }
        }
        if (sep != Py.None && !(sep instanceof String)) {
            throw Py.typeError("sep must be None or a string, not " + Py.typeName(sep));
        }
        if (end != Py.None && !(end instanceof String)) {
            throw Py.typeError("end must be None or a string, not " + Py.typeName(end));
        }
        String sepS = sep == Py.None ? " " : (String) sep;
        String endS = end == Py.None ? "\n" : (String) end;
        Interpreter interp = t == null ? Interpreter.current() : t.interp;
        if (file == Py.None) {
            // print writes to whatever sys.stdout is now; a program can only have replaced it after importing sys
            PyModule sys = interp.modules.get("sys");
            Object current = sys == null ? null : sys.dict.getStr("stdout");
            file = current == null ? new StdStream(false) : current;
            if (file == Py.None) {
                return Py.None;
            }
        }
        if (!(file instanceof StdStream)) {
            // another file object gets each piece in its own write() call, as CPython's print does
            t.charge(CostModel.PRINT);
            Object write = Ops.getAttr(file, "write");
            for (int i = 0; i < npos; i++) {
                if (i > 0) {
                    Ops.call(write, sepS);
                }
                Ops.call(write, Ops.str(a[i]));
            }
            Ops.call(write, endS);
            if (Ops.truthy(flush)) {
                Ops.callMethod(file, "flush");
            }
            return Py.None;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < npos; i++) {
            if (i > 0) {
                sb.append(sepS);
            }
            sb.append(Ops.str(a[i]));
        }
        sb.append(endS);
        t.charge(CostModel.PRINT + sb.length());
        if (((StdStream) file).err) {
            interp.writeErr(sb.toString());
        } else {
            interp.writeOut(sb.toString());
        }
        return Py.None;
    }

    private static Object sum(PyThread t, Object[] a, String[] kw) {
        if (Args.positional(a, kw) == 0) {
            throw Py.typeError("sum() takes at least 1 positional argument (0 given)");
        }
        Object[] p = Args.parse("sum", a, kw, 1, new String[] {"iterable", "start"}, Py.box(0));
        Object it = Ops.iter(p[0]);
        Object start = p[1];
        if (start instanceof String) {
            throw Py.typeError("sum() can't sum strings [use ''.join(seq) instead]");
        }
        if (start instanceof byte[]) {
            throw Py.typeError("sum() can't sum bytes [use b''.join(seq) instead]");
        }
        return IterTasks.run(t, new IterTasks.Sum(start, it));
    }

    private static Object minMax(PyThread t, Object[] a, String[] kw, String name, boolean min) {
        int npos = Args.positional(a, kw);
        Object key = Py.None;
        Object dflt = null;
        if (kw != null) {
            for (int i = 0; i < kw.length; i++) {
                switch (kw[i]) {
                    case "key" -> key = a[npos + i];
                    case "default" -> dflt = a[npos + i];
                    default -> throw Py.typeError("'" + kw[i] + "' is an invalid keyword argument for " + name + "()");
                }
            }
        }
        Object it;
        if (npos == 0) {
            throw Py.typeError(name + " expected at least 1 argument, got 0");
        }
        if (npos == 1) {
            it = Ops.iter(a[0]);
        } else {
            if (dflt != null) {
                throw Py.typeError("Cannot specify a default for " + name + "() with multiple positional arguments");
            }
            it = Ops.iter(PyTuple.of(java.util.Arrays.copyOf(a, npos)));
        }
        return IterTasks.run(t, new IterTasks.MinMax(it, key, dflt, name, min));
    }

    /** {@code iter(callable, sentinel)}. */
    static final class CallableIter extends PyIterator {
        final Object callable;
        final Object sentinel;
        boolean done;

        CallableIter(Object callable, Object sentinel) {
            this.callable = callable;
            this.sentinel = sentinel;
            this.runsPython = !NativeTask.javaCallable(callable);
        }

        @Override
        public PyType type() {
            return Types.CALLABLE_ITERATOR;
        }

        @Override
        public Object next() {
            if (done) {
                return null;
            }
            Object v;
            try {
                v = Ops.call(callable);
            } catch (PyError e) {
                if (e.exc.isA(Types.STOP_ITERATION)) {
                    done = true;
                    return null;
                }
                throw e;
            }
            if (Ops.eq(sentinel, v)) {
                done = true;
                return null;
            }
            return v;
        }
    }

    /** One item of {@code iter(callable, sentinel)} with a Python callable. */
    static final class CallableIterStep extends NativeTask {
        private final CallableIter c;

        CallableIterStep(CallableIter c) {
            this.c = c;
        }

        @Override
        Object step(PyThread t, Object v) {
            if (v == START) {
                if (c.done) {
                    return END;
                }
                awaitingNext = true;
                return call(c.callable);
            }
            if (v == END || Ops.eq(c.sentinel, v)) {
                c.done = true;
                return END;
            }
            return v;
        }
    }
}
