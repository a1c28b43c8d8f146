package dev.loopscope.run;

import dev.loopscope.engine.Settings;
import dev.loopscope.engine.trace.Trace;
import dev.loopscope.lesson.ProgramOutputs;
import java.util.Map;

/** What a lesson's program prints, from a run on the engine: how predict questions are checked. */
public final class PythonProgramOutputs implements ProgramOutputs {

    @Override
    public Result run(String code, Map<String, String> knobValues) {
        RunResult r = new PythonRunner().run("lesson.py", code, Settings.defaults(), ProgramRunner.Cancellation.NEVER);
        return switch (r) {
            case RunResult.Ran(Trace trace) -> trace.stopReason().<Result>map(Result.Failed::new)
                    .orElseGet(() -> new Result.Printed(trace.stdout()));
            case RunResult.CompileError e -> new Result.Failed("line " + e.line() + ": " + e.message());
            case RunResult.Cancelled c -> new Result.Failed("cancelled");
        };
    }
}
