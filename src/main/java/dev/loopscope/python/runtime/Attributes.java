package dev.loopscope.python.runtime;

/** Attribute lookup, assignment and deletion: descriptors, instance dicts, binding of methods. */
final class Attributes {

    private Attributes() {
    }

    /** A descriptor defined in Python: an instance of a class with {@code __get__}. */
    private static boolean isUserDescriptor(Object d) {
        return Ops.isUser(d) && Py.typeOf(d).lookup("__get__") != null;
    }

    private static boolean isDataDescriptor(Object d) {
        PyType dt = Py.typeOf(d);
        return dt.lookup("__set__") != null || dt.lookup("__delete__") != null;
    }

    static Object genericGetAttr(Object o, String name) {
        return genericGetAttr(o, name, false);
    }

    /**
     * {@code object.__getattribute__} then the class's {@code __getattr__}; null when the attribute is missing.
     * An AttributeError from {@code __getattr__} propagates when {@code propagate} is set, else it means missing.
     */
    static Object genericGetAttr(Object o, String name, boolean propagate) {
        PyType t = Py.typeOf(o);
        Object d = t.lookup(name);
        if (d instanceof PyProperty p) {
            try {
                return propertyGet(p, o, t);
            } catch (PyError e) {
                // as for any attribute, an AttributeError from the getter falls back to __getattr__
                Object ga = o instanceof HasDict && e.exc.isA(Types.ATTRIBUTE_ERROR) ? t.lookup("__getattr__") : null;
                if (ga == null) {
                    throw e;
                }
                return Ops.call(bind(ga, o, t), name);
            }
        }
        boolean userDescriptor = d != null && isUserDescriptor(d);
        if (userDescriptor && isDataDescriptor(d)) {
            return Ops.callMethod(d, "__get__", o, t);
        }
        if (o instanceof HasDict inst) {
            Object v = inst.instanceDict().getStr(name);
            if (v != null) {
                return v;
            }
        } else if (o instanceof PyFunction f && f.dict != null) {
            Object v = f.dict.getStr(name);
            if (v != null) {
                return v;
            }
        }
        if (userDescriptor) {
            return Ops.callMethod(d, "__get__", o, t);
        }
        if (d != null) {
            return bind(d, o, t);
        }
        if (name.equals("__class__")) {
            return t;
        }
        if (name.equals("__dict__") && o instanceof HasDict inst && !t.slotted) {
            return inst.instanceDict();
        }
        if (o instanceof HasDict) {
            Object ga = t.lookup("__getattr__");
            if (ga != null) {
                try {
                    return Ops.call(bind(ga, o, t), name);
                } catch (PyError e) {
                    if (e.exc.isA(Types.ATTRIBUTE_ERROR) && !propagate) {
                        return null;
                    }
                    throw e;
                }
            }
        }
        return null;
    }

    /** What {@code instance.attr} gives for a class attribute {@code d}. */
    static Object bind(Object d, Object o, PyType t) {
        if (d instanceof PyFunction) {
            return new PyMethod(d, o);
        }
        if (d instanceof PyBuiltin b && b.isMethod && b.self == null) {
            return b.bind(o);
        }
        if (d instanceof PyWrapper w) {
            return w.isClassMethod ? classMethodGet(w, t) : w.callable;
        }
        if (d instanceof PyProperty p) {
            return propertyGet(p, o, t);
        }
        if (d instanceof Functools.LruWrapper) {
            return new PyMethod(d, o); // the cache wrapper binds like a function (CPython gives it __get__)
        }
        return d;
    }

    /**
     * A classmethod seen from class {@code owner}: a method bound to the class; in 3.12 a wrapped descriptor (such as
     * a property) is asked for its value with the class as the instance.
     */
    static Object classMethodGet(PyWrapper w, PyType owner) {
        if (w.callable instanceof PyProperty p) {
            return propertyGet(p, owner, Py.typeOf(owner));
        }
        if (isUserDescriptor(w.callable)) {
            return Ops.callMethod(w.callable, "__get__", owner, owner);
        }
        return new PyMethod(w.callable, owner);
    }

    static Object propertyGet(PyProperty p, Object o, PyType t) {
        if (p.javaGet != null) {
            return p.javaGet.apply(o);
        }
        if (p.fget == null || p.fget == Py.None) {
            throw Py.attributeError("property " + propName(p) + "of '" + t.name + "' object has no getter");
        }
        return Ops.call(p.fget, o);
    }

    private static String propName(PyProperty p) {
        return p.attrName != null ? "'" + p.attrName + "' " : "";
    }

    static Object typeGetAttr(PyType t, String name) {
        Object meta = Types.TYPE.lookup(name);
        if (meta instanceof PyProperty p && p.javaGet != null) {
            return p.javaGet.apply(t);
        }
        Object v = t.lookup(name);
        if (v != null) {
            if (v instanceof PyWrapper w) {
                return w.isClassMethod ? classMethodGet(w, t) : w.callable;
            }
            if (isUserDescriptor(v)) {
                return Ops.callMethod(v, "__get__", Py.None, t);
            }
            return v;
        }
        if (meta != null) {
            return bind(meta, t, Types.TYPE);
        }
        return null;
    }

    static void setAttr(Object o, String name, Object value) {
        if (o instanceof PyType t) {
            if (t.builtin) {
                throw Py.typeError("cannot set '" + name + "' attribute of immutable type '" + t.qualname + "'");
            }
            if (name.equals("__name__") || name.equals("__qualname__")) {
                if (name.equals("__qualname__")) {
                    t.qualname = Ops.str(value);
                }
                return;
            }
            t.dict.put(name, value);
            t.invalidate();
            return;
        }
        PyType t = Py.typeOf(o);
        if (o instanceof HasDict && t.lookup("__setattr__") instanceof PyFunction sa) {
            Ops.call(sa, o, name, value); // a class's __setattr__ sees every assignment, descriptors included
            return;
        }
        genericSetAttr(o, name, value);
    }

    /** {@code object.__setattr__}: data descriptors, then the instance dict or the slots. */
    static void genericSetAttr(Object o, String name, Object value) {
        PyType t = Py.typeOf(o);
        Object desc = t.lookup(name);
        if (desc != null && Ops.isUser(desc) && Py.typeOf(desc).lookup("__set__") != null) {
            Ops.callMethod(desc, "__set__", o, value);
            return;
        }
        if (o instanceof PyFunction f) {
            switch (name) {
                case "__name__" -> f.name = Ops.str(value);
                case "__qualname__" -> f.qualname = Ops.str(value);
                case "__doc__" -> f.doc = value;
                case "__module__" -> f.module = value;
                case "__type_params__" -> {
                    if (!(value instanceof PyTuple)) {
                        throw Py.typeError("__type_params__ must be set to a tuple");
                    }
                    // generic functions are outside the subset: the tuple is always empty
                }
                case "__annotations__" -> {
                    if (!(value instanceof PyDict d)) {
                        throw Py.typeError("__annotations__ must be set to a dict object");
                    }
                    f.annotations = d;
                }
                case "__dict__" -> {
                    if (!(value instanceof PyDict d)) {
                        throw Py.typeError("__dict__ must be set to a dictionary, not a '" + Py.typeName(value)
                                + "'");
                    }
                    f.dict = d;
                }
                default -> {
                    if (f.dict == null) {
                        f.dict = new PyDict();
                    }
                    f.dict.put(name, value);
                }
            }
            return;
        }
        Object d = t.lookup(name);
        if (d instanceof PyProperty p) {
            if (p.javaSet != null) {
                p.javaSet.accept(o, value);
                return;
            }
            if (p.javaGet == null) {
                if (p.fset == null || p.fset == Py.None) {
                    throw Py.attributeError("property " + propName(p) + "of '" + t.name
                            + "' object has no setter");
                }
                Ops.call(p.fset, o, value);
                return;
            }
            throw Py.attributeError("attribute '" + name + "' of '" + t.name + "' objects is not writable");
        }
        if (o instanceof HasDict inst) {
            if (t == Types.OBJECT) {
                throw Py.attributeError("'object' object has no attribute '" + name + "'");
            }
            if (t.slotted) {
                throw d != null ? Py.attributeError("'" + t.name + "' object attribute '" + name + "' is read-only")
                        : Py.attributeError("'" + t.name + "' object has no attribute '" + name + "'");
            }
            inst.instanceDict().put(name, value);
            return;
        }
        if (o instanceof PyModule m) {
            m.dict.put(name, value);
            return;
        }
        if (d != null) {
            throw Py.attributeError("'" + t.name + "' object attribute '" + name + "' is read-only");
        }
        throw Py.attributeError("'" + t.name + "' object has no attribute '" + name + "'");
    }

    static void delAttr(Object o, String name) {
        if (o instanceof HasDict && Py.typeOf(o).lookup("__delattr__") instanceof PyFunction da) {
            Ops.call(da, o, name);
            return;
        }
        genericDelAttr(o, name);
    }

    /** {@code object.__delattr__}. */
    static void genericDelAttr(Object o, String name) {
        if (o instanceof HasDict inst) {
            PyType t = Py.typeOf(o);
            Object d = t.lookup(name);
            if (d instanceof PyProperty p && p.memberOf != null) {
                PyDict slots = ((PyInstance) o).slots;
                if (slots == null || slots.remove(name) == null) {
                    throw Py.attributeError(name);
                }
                return;
            }
            if (t.slotted && d != null && !(d instanceof PyProperty)) {
                throw Py.attributeError("'" + t.name + "' object attribute '" + name + "' is read-only");
            }
            if (d instanceof PyProperty p) {
                if (p.fdel == null || p.fdel == Py.None) {
                    throw Py.attributeError("property " + propName(p) + "of '" + t.name + "' object has no deleter");
                }
                Ops.call(p.fdel, o);
                return;
            }
            if (inst.instanceDict().remove(name) == null) {
                throw Ops.noAttribute(o, name);
            }
            return;
        }
        if (o instanceof PyType t && !t.builtin) {
            if (t.dict.remove(name) == null) {
                throw Ops.noAttribute(o, name);
            }
            t.invalidate();
            return;
        }
        if (o instanceof PyModule m) {
            if (m.dict.remove(name) == null) {
                throw Ops.noAttribute(o, name);
            }
            return;
        }
        if (o instanceof PyFunction f && f.dict != null && f.dict.remove(name) != null) {
            return;
        }
        throw Ops.noAttribute(o, name);
    }
}
