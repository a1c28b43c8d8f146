package dev.loopscope.python.runtime;

import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A data descriptor: {@code property(fget, fset)} from Python, or a Java getter/setter pair on a builtin or
 * foreign type.
 */
public final class PyProperty extends PyObject {

    public final String name;
    public final Function<Object, Object> javaGet;
    public final BiConsumer<Object, Object> javaSet;
    /** The class attribute name it was bound to when its class was created (its __set_name__), or null. */
    public String attrName;
    public Object fget;
    public Object fset;
    public Object fdel;
    public Object doc;
    /** For a slot of a class with {@code __slots__}: the class name ({@code <member 'x' of 'P' objects>}). */
    public String memberOf;

    public PyProperty(String name, Function<Object, Object> javaGet, BiConsumer<Object, Object> javaSet) {
        this.name = name;
        this.javaGet = javaGet;
        this.javaSet = javaSet;
    }

    public PyProperty(Object fget, Object fset, Object fdel) {
        this.name = null;
        this.javaGet = null;
        this.javaSet = null;
        this.fget = fget;
        this.fset = fset;
        this.fdel = fdel;
    }

    /** What {@code getter}/{@code setter}/{@code deleter} make: a copy with other functions, the same doc and name. */
    PyProperty copyWith(Object newGet, Object newSet, Object newDel) {
        PyProperty p = new PyProperty(newGet, newSet, newDel);
        p.doc = doc;
        p.attrName = attrName;
        return p;
    }

    @Override
    public PyType type() {
        return memberOf != null ? Types.MEMBER_DESCRIPTOR : javaGet != null ? Types.GETSET_DESCRIPTOR : Types.PROPERTY;
    }
}
