package dev.loopscope.engine;

import dev.loopscope.engine.trace.Trace;

/** Runs a program written with the engine's Java API: {@code asyncio.run(main())} and nothing else. */
public final class JavaProgram {

    private JavaProgram() {
    }

    /** Runs {@code asyncio.run(main())}; an uncaught exception prints a short traceback and exits 1. */
    public static Trace run(Settings settings, Script main) {
        JavaBridge bridge = new JavaBridge();
        Simulation sim = new Simulation(settings, bridge);
        return sim.run(new Activity() {
            private boolean started;

            @Override
            public Outcome run(ExecContext ctx, Completion resumed) {
                if (!started) {
                    started = true;
                    return new Outcome.Call(Asyncio.run(main.call()));
                }
                if (resumed instanceof Completion.Raised(Object e)) {
                    ctx.stderr(bridge.formatException(e));
                    return new Outcome.Done(new Completion.Returned(1));
                }
                return new Outcome.Done(new Completion.Returned(0));
            }

            @Override
            public String label() {
                return "<module>";
            }
        });
    }
}
