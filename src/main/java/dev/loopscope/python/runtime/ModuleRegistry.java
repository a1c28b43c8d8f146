package dev.loopscope.python.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The modules a program can import, each built by a factory when an interpreter first imports it. Native
 * modules are plain Java: build a {@link PyModule} and add functions with {@link PyModule#def}, classes with
 * {@link ForeignTypes#register} or {@link PyType#method}.
 *
 * <pre>{@code
 * ModuleRegistry modules = ModuleRegistry.standard()
 *     .with("asyncio", interp -> new PyModule("asyncio")
 *         .def("sleep", (thread, args, kw) -> new Suspend(new Outcome.Sleep(nanos(args[0])))));
 * }</pre>
 */
public final class ModuleRegistry {

    private final Map<String, Function<Interpreter, PyModule>> factories = new LinkedHashMap<>();

    /** The standard library modules the front end itself provides (math, time, random, sys, os...). */
    public static ModuleRegistry standard() {
        ModuleRegistry r = new ModuleRegistry();
        StdModules.register(r);
        return r;
    }

    /** Adds (or replaces) module {@code name}; returns this registry. */
    public ModuleRegistry with(String name, Function<Interpreter, PyModule> factory) {
        factories.put(name, factory);
        return this;
    }

    public boolean has(String name) {
        return factories.containsKey(name);
    }

    PyModule create(String name, Interpreter interp) {
        Function<Interpreter, PyModule> f = factories.get(name);
        return f == null ? null : f.apply(interp);
    }
}
