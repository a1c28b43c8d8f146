package dev.loopscope.python.runtime;

/**
 * The few facts about the running simulation that Python code can observe (thread names and ids, the core
 * count). ADAPTER: until the engine's {@code SimThread}/{@code Simulation} expose them, these read the
 * interpreter's settings; switch them to {@code ctx.thread()} and {@code ctx.simulation()} when they do.
 */
final class EngineAdapter {

    private EngineAdapter() {
    }

    static String threadName(PyThread t) {
        return "MainThread";
    }

    static long threadIdent(PyThread t) {
        return 140000000000000L + (t == null ? 0 : t.interp.settings.pid() * 16);
    }

    static int cpuCount(PyThread t) {
        return t == null ? 4 : t.interp.settings.cpuCount();
    }
}
