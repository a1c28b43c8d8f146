package dev.loopscope.python.runtime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Python types for Java objects that the engine hands to Python code (tasks, futures, the event loop,
 * executors). Like the builtin types, a foreign type is shared by every interpreter; registering is
 * idempotent and normally happens once, when a native module is first built.
 *
 * <pre>{@code
 * PyType taskType = ForeignTypes.register(Task.class, "Task", "_asyncio")
 *     .method("done", (t, a, kw) -> ((Task) a[0]).isDone())
 *     .getter("name", task -> ((Task) task).name());
 * }</pre>
 *
 * A Java class that has no registration of its own uses its nearest registered superclass or interface.
 */
public final class ForeignTypes {

    private static final Map<Class<?>, PyType> TYPES = new ConcurrentHashMap<>();
    /** Classes whose instances belong to one of several Python types, chosen per instance. */
    private static final Map<Class<?>, java.util.function.Function<Object, PyType>> CHOOSERS =
            new ConcurrentHashMap<>();

    private ForeignTypes() {
    }

    /** Registers (or returns the already registered) type for instances of {@code javaClass}. */
    public static PyType register(Class<?> javaClass, String name, String module, PyType... bases) {
        return TYPES.computeIfAbsent(javaClass, c -> {
            PyType t = new PyType(name, module, true, bases.length == 0 ? new PyType[] {Types.OBJECT} : bases);
            t.subclassable = false;
            return t;
        });
    }

    /**
     * Makes the Python type of each instance of {@code javaClass} depend on the instance (a Java class that models
     * a Python class and its subclass); {@code choose} picks among types made with {@link #subtype}.
     */
    public static void choosePerInstance(Class<?> javaClass, java.util.function.Function<Object, PyType> choose) {
        CHOOSERS.putIfAbsent(javaClass, choose);
    }

    /** A type for some instances of a registered class, derived from its registered type. */
    public static PyType subtype(String name, String module, PyType base) {
        PyType t = new PyType(name, module, true, base);
        t.subclassable = false;
        return t;
    }

    /** The type registered for {@code o}'s class or a supertype of it, or null. */
    public static PyType lookup(Object o) {
        Class<?> c = o.getClass();
        if (!CHOOSERS.isEmpty()) {
            java.util.function.Function<Object, PyType> choose = CHOOSERS.get(c);
            if (choose != null) {
                return choose.apply(o);
            }
        }
        PyType t = TYPES.get(c);
        if (t != null) {
            return t;
        }
        for (Map.Entry<Class<?>, PyType> e : TYPES.entrySet()) {
            if (e.getKey().isInstance(o)) {
                TYPES.putIfAbsent(c, e.getValue());
                return e.getValue();
            }
        }
        return null;
    }
}
