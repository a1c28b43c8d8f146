package dev.loopscope.python.runtime;

/** {@code super(type, obj)}: attribute lookup that starts after {@code type} in {@code obj}'s MRO. */
public final class PySuper extends PyObject {

    final PyType start;
    final Object obj;
    final PyType objType;

    PySuper(PyType start, Object obj) {
        this.start = start;
        this.obj = obj;
        this.objType = obj instanceof PyType t && t.isSubtypeOf(start) ? t : Py.typeOf(obj);
    }

    @Override
    public PyType type() {
        return Types.SUPER;
    }

    Object lookup(String name) {
        PyType[] mro = objType.mro;
        int i = 0;
        while (i < mro.length && mro[i] != start) {
            i++;
        }
        for (i++; i < mro.length; i++) {
            Object v = mro[i].dict.getStr(name);
            if (v != null) {
                if (obj instanceof PyType t && obj == objType) {
                    if (v instanceof PyWrapper w) {
                        return w.isClassMethod ? Attributes.classMethodGet(w, t) : w.callable;
                    }
                    return v;
                }
                return Attributes.bind(v, obj, objType);
            }
        }
        return null;
    }
}
