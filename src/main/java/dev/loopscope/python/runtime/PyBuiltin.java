package dev.loopscope.python.runtime;

/**
 * A function implemented in Java: a module function ({@code len}), or a method of a builtin or foreign type
 * ({@code list.append}), which binds its receiver when looked up on an instance.
 */
public final class PyBuiltin extends PyObject {

    public final String name;
    /** The type that defines a method, or null for a module function. */
    public final PyType owner;
    public final Native fn;
    public final boolean isMethod;
    /** The bound receiver, or null. */
    public final Object self;
    /** {@code __module__} of a module function. */
    public String module;
    /** What a call costs beyond any native call, in cost-model ticks; -1 until first needed. */
    private int callCost = -1;

    public PyBuiltin(String name, PyType owner, Native fn, boolean isMethod) {
        this(name, owner, fn, isMethod, null);
    }

    private PyBuiltin(String name, PyType owner, Native fn, boolean isMethod, Object self) {
        this.name = name;
        this.owner = owner;
        this.fn = fn;
        this.isMethod = isMethod;
        this.self = self;
    }

    /** A module-level function. */
    public static PyBuiltin function(String name, Native fn) {
        return new PyBuiltin(name, null, fn, false);
    }

    public PyBuiltin bind(Object receiver) {
        PyBuiltin bound = new PyBuiltin(name, owner, fn, isMethod, receiver);
        bound.callCost = callCost();
        return bound;
    }

    /** What a call costs beyond the cost of any native call, in cost-model ticks. */
    int callCost() {
        int c = callCost;
        if (c < 0) {
            c = CostModel.nativeCall(owner != null ? owner.name : module, name);
            callCost = c;
        }
        return c;
    }

    @Override
    public PyType type() {
        return isMethod && self == null ? Types.METHOD_DESCRIPTOR : Types.BUILTIN_FUNCTION;
    }
}
