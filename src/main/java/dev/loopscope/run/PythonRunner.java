package dev.loopscope.run;

import dev.loopscope.engine.Settings;
import dev.loopscope.engine.Simulation;
import dev.loopscope.engine.trace.Trace;
import dev.loopscope.python.PythonProgram;
import dev.loopscope.python.library.LibraryModules;
import dev.loopscope.python.library.LibraryNames;
import dev.loopscope.python.runtime.Interpreter;
import dev.loopscope.python.runtime.PyBridge;
import dev.loopscope.python.syntax.Node;
import dev.loopscope.python.syntax.SyntaxProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Runs Python source on the simulation engine: the one way every part of Loopscope runs a program. */
public final class PythonRunner implements ProgramRunner {

    /**
     * Parses, checks and compiles a program: syntax errors, constructs outside the subset and library names
     * Loopscope does not provide are all refused here, before anything runs.
     */
    public static PythonProgram.CompileResult compile(String fileName, String source) {
        PythonProgram.CompileResult compiled = PythonProgram.compile(fileName, source);
        List<SyntaxProblem> refused = switch (compiled) {
            case PythonProgram.CompileResult.Ok ok -> List.of();
            case PythonProgram.CompileResult.Failed f -> f.problems();
        };
        // Refusals are all listed together; a syntax error stands alone.
        if (!refused.stream().allMatch(SyntaxProblem::isUnsupported)) {
            return compiled;
        }
        Node.Module module = switch (compiled) {
            case PythonProgram.CompileResult.Ok ok -> ok.program().module();
            case PythonProgram.CompileResult.Failed f -> f.module();
        };
        if (module != null) {
            List<SyntaxProblem> all = new ArrayList<>(refused);
            for (SyntaxProblem missing : LibraryNames.check(module)) {
                if (all.stream().noneMatch(q -> q.line() == missing.line() && q.column() == missing.column())) {
                    all.add(missing);
                }
            }
            if (!all.isEmpty()) {
                all.sort(Comparator.comparingInt(SyntaxProblem::line).thenComparingInt(SyntaxProblem::column));
                return new PythonProgram.CompileResult.Failed(all, module);
            }
        }
        return compiled;
    }

    @Override
    public RunResult run(String fileName, String source, Settings settings, Cancellation cancel) {
        return run(fileName, source, settings, cancel, Progress.NONE);
    }

    @Override
    public RunResult run(String fileName, String source, Settings settings, Cancellation cancel, Progress progress) {
        PythonProgram.CompileResult compiled = compile(fileName, source);
        if (compiled instanceof PythonProgram.CompileResult.Failed failed) {
            SyntaxProblem p = failed.problems().getFirst();
            int length = p.endLine() == p.line() && p.endColumn() > p.column() ? p.endColumn() - p.column() : 1;
            String message = p.isUnsupported() ? p.describe() : p.kind().label + ": " + p.describe();
            return new RunResult.CompileError(Math.max(1, p.line()), Math.max(1, p.column()), length, message);
        }
        PythonProgram program = ((PythonProgram.CompileResult.Ok) compiled).program();
        Trace trace = run(program, settings, cancel, progress);
        if (trace.stopReason().filter(Simulation.CANCELLED::equals).isPresent()) {
            return new RunResult.Cancelled();
        }
        return new RunResult.Ran(trace);
    }

    /** Runs a compiled program to its end (or until a budget or {@code cancel} stops it). */
    public static Trace run(PythonProgram program, Settings settings, Cancellation cancel) {
        return run(program, settings, cancel, Progress.NONE);
    }

    /** As {@link #run(PythonProgram, Settings, Cancellation)}, reporting progress every few thousand steps. */
    public static Trace run(PythonProgram program, Settings settings, Cancellation cancel, Progress progress) {
        Interpreter interp = program.newInterpreter(
                new Interpreter.Settings(settings.seed(), settings.cpuCount(), 4242,
                        Interpreter.Settings.DEFAULT_EPOCH), LibraryModules.registry());
        Simulation sim = new Simulation(settings, new PyBridge(interp));
        sim.mainProcess().setInterpreterState(interp);
        if (progress == Progress.NONE) {
            sim.cancelWhen(cancel::isCancelled);
        } else {
            // The engine polls this between steps; reporting on every poll would cost more than many steps.
            int[] polls = {0};
            sim.cancelWhen(() -> {
                if ((++polls[0] & 63) == 0) {
                    progress.update(sim.now(), sim.trace().size());
                }
                return cancel.isCancelled();
            });
        }
        sim.trace().program(program.fileName(), program.source().text());
        return sim.run(program.mainActivity(interp));
    }

    /** Every problem of a failed compile, as the command line reports them (with the line and a caret). */
    public static String report(PythonProgram.CompileResult.Failed failed) {
        StringBuilder sb = new StringBuilder();
        for (SyntaxProblem p : failed.problems()) {
            sb.append(p.format());
            if (sb.charAt(sb.length() - 1) != '\n') {
                sb.append('\n');
            }
        }
        return sb.toString();
    }
}
