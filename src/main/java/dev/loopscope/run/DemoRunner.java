package dev.loopscope.run;

import dev.loopscope.engine.JavaProgram;
import dev.loopscope.engine.Settings;
import dev.loopscope.run.DemoPrograms.Demo;
import java.util.Optional;

/**
 * Runs the demo programs on the engine: recognises which demo a source text is, reads its literals, and runs
 * the equivalent Java-API program. Any other source is reported as a compile error at line 1, saying that
 * only the demos run until the Python front end is installed.
 */
public final class DemoRunner implements ProgramRunner {

    @Override
    public RunResult run(String fileName, String source, Settings settings, Cancellation cancel) {
        Optional<Demo> demo = DemoPrograms.recognise(source);
        if (demo.isEmpty()) {
            int length = Math.max(1, source.lines().findFirst().orElse("").length());
            return new RunResult.CompileError(1, 1, length,
                    "this build runs only the demo programs (gather, cancel, wait_for, blocking, executors, models)");
        }
        if (cancel.isCancelled()) {
            return new RunResult.Cancelled();
        }
        DemoPrograms.CANCELLATION.set(cancel);
        try {
            return new RunResult.Ran(JavaProgram.run(settings, demo.get().script(source)));
        } catch (DemoPrograms.CancelledRun e) {
            return new RunResult.Cancelled();
        } finally {
            DemoPrograms.CANCELLATION.remove();
        }
    }
}
