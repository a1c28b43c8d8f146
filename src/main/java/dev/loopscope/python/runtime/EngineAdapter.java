package dev.loopscope.python.runtime;

import dev.loopscope.engine.ExecContext;

/** The facts about the running simulation that Python code can observe: thread names and ids, the core count. */
final class EngineAdapter {

    private EngineAdapter() {
    }

    private static ExecContext ctx(PyThread t) {
        return t == null ? null : t.ctx;
    }

    static String threadName(PyThread t) {
        ExecContext c = ctx(t);
        return c == null || c.thread() == null ? "MainThread" : c.thread().name();
    }

    /** {@code threading.get_ident()}: a stable, CPython-looking number per simulated thread. */
    static long threadIdent(PyThread t) {
        ExecContext c = ctx(t);
        int id = c == null || c.thread() == null ? 0 : c.thread().id();
        return 140_245_000_000_000L + id * 8_392_704L;
    }

    static int cpuCount(PyThread t) {
        ExecContext c = ctx(t);
        if (c != null && c.simulation() != null) {
            return c.simulation().settings().cpuCount();
        }
        return t == null ? 4 : t.interp.settings.cpuCount();
    }
}
