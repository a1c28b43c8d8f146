package dev.loopscope.python.runtime;

import dev.loopscope.engine.ExecContext;

/** The facts about the running simulation that Python code can observe: the core count. */
final class EngineAdapter {

    private EngineAdapter() {
    }

    private static ExecContext ctx(PyThread t) {
        return t == null ? null : t.ctx;
    }

    static int cpuCount(PyThread t) {
        ExecContext c = ctx(t);
        if (c != null && c.simulation() != null) {
            return c.simulation().settings().cpuCount();
        }
        return t == null ? 4 : t.interp.settings.cpuCount();
    }
}
