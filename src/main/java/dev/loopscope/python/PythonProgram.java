package dev.loopscope.python;

import dev.loopscope.engine.Activity;
import dev.loopscope.engine.Completion;
import dev.loopscope.engine.ExecContext;
import dev.loopscope.engine.Outcome;
import dev.loopscope.python.compiler.Compiler;
import dev.loopscope.python.runtime.Code;
import dev.loopscope.python.runtime.Interpreter;
import dev.loopscope.python.runtime.LibraryFrames;
import dev.loopscope.python.runtime.ModuleRegistry;
import dev.loopscope.python.runtime.Ops;
import dev.loopscope.python.runtime.Py;
import dev.loopscope.python.runtime.PyBaseException;
import dev.loopscope.python.runtime.PyModule;
import dev.loopscope.python.runtime.PyThread;
import dev.loopscope.python.runtime.PythonActivity;
import dev.loopscope.python.runtime.Source;
import dev.loopscope.python.runtime.TracebackFormatter;
import dev.loopscope.python.runtime.Types;
import dev.loopscope.python.syntax.Node;
import dev.loopscope.python.syntax.ParseResult;
import dev.loopscope.python.syntax.PythonParser;
import dev.loopscope.python.syntax.SyntaxProblem;
import java.math.BigInteger;
import java.util.List;

/**
 * A compiled Python program: the entry point of the front end for the rest of the application.
 *
 * <pre>{@code
 * switch (PythonProgram.compile("prog.py", source)) {
 *     case PythonProgram.CompileResult.Ok ok -> {
 *         Interpreter interp = ok.program().newInterpreter(Interpreter.Settings.defaults(), ModuleRegistry.standard());
 *         Trace trace = new Simulation(settings, new PyBridge(...)).run(ok.program().mainActivity(interp));
 *     }
 *     case PythonProgram.CompileResult.Failed failed -> failed.problems().forEach(p -> System.err.print(p.format()));
 * }
 * }</pre>
 */
public final class PythonProgram {

    /** The outcome of compiling: a program, or the problems (syntax errors, refused constructs). */
    public sealed interface CompileResult {
        record Ok(PythonProgram program) implements CompileResult {}

        /**
         * {@code module}: the parsed module when the source parsed but uses constructs outside the subset (or
         * fails a compile-time check), else null.
         */
        record Failed(List<SyntaxProblem> problems, Node.Module module) implements CompileResult {
            public Failed(List<SyntaxProblem> problems) {
                this(problems, null);
            }
        }
    }

    private final Source source;
    private final Node.Module module;
    private final Code code;
    /** {@code sys.argv[0]}: the path as the command line gave it (null: the file name). */
    private String argv0;

    private PythonProgram(Source source, Node.Module module, Code code) {
        this.source = source;
        this.module = module;
        this.code = code;
    }

    /** Parses, checks the subset and compiles {@code source}. Never throws for any input. */
    public static CompileResult compile(String fileName, String source) {
        return compile(fileName, source, true);
    }

    /**
     * Parses and compiles {@code source}; {@code checkSubset} false skips the subset check (the interpreter runs
     * more of Python than the subset admits; its own tests use that).
     */
    public static CompileResult compile(String fileName, String source, boolean checkSubset) {
        ParseResult parsed = PythonParser.parse(fileName, source);
        if (parsed instanceof ParseResult.Failed f) {
            return new CompileResult.Failed(f.problems());
        }
        Node.Module module = parsed.module();
        if (checkSubset) {
            List<SyntaxProblem> problems = PythonParser.check(module);
            if (!problems.isEmpty()) {
                // an error of CPython's symbol-table pass comes before compiler errors and refusals
                var symtable = Compiler.symtableError(module);
                if (symtable.isPresent()) {
                    problems = List.of(symtable.get());
                }
                return new CompileResult.Failed(problems, module);
            }
        }
        Source src = Source.of(fileName, source);
        try {
            return new CompileResult.Ok(new PythonProgram(src, module, Compiler.compile(module, src)));
        } catch (Compiler.Failure e) {
            return new CompileResult.Failed(List.of(e.problem));
        }
    }

    public String fileName() {
        return source.fileName();
    }

    /** Sets {@code sys.argv[0]} to the path as typed on the command line (CPython keeps it so); returns this. */
    public PythonProgram withArgv0(String typed) {
        this.argv0 = typed;
        return this;
    }

    public Source source() {
        return source;
    }

    public Code code() {
        return code;
    }

    /** The parsed syntax tree the program was compiled from. */
    public Node.Module module() {
        return module;
    }

    /** A fresh interpreter (one simulated process) for this program. */
    public Interpreter newInterpreter(Interpreter.Settings settings, ModuleRegistry modules) {
        return new Interpreter(settings, modules);
    }

    /**
     * The activity that runs the program as {@code __main__} on the main thread of {@code interp}'s process. It
     * finishes with {@code Returned(Integer exitCode)}; an uncaught exception is first printed to stderr as CPython
     * prints it (exit status 1), and {@code SystemExit} gives its code.
     */
    public PythonActivity mainActivity(Interpreter interp, LibraryFrames library) {
        PyModule main = interp.newMainModule(source.fileName());
        interp.argv0 = argv0;
        PyThread thread = PyThread.forModule(interp, code, main);
        return new MainActivity(thread, interp, new TracebackFormatter(library, true), code.compileWarnings);
    }

    public PythonActivity mainActivity(Interpreter interp) {
        return mainActivity(interp, new LibraryFrames());
    }

    /**
     * What CPython prints on stderr when the program itself does not compile (exit status 1): the file and
     * line, the offending line, carets, and {@code SyntaxError: message}. Refusals of the Loopscope subset are not
     * CPython errors; use their {@link SyntaxProblem#format()} instead.
     */
    public static String syntaxErrorText(SyntaxProblem p) {
        return TracebackFormatter.syntaxError(p.fileName(), p.line(), p.column(), p.endLine() == p.line()
                ? p.endColumn() : -1, p.sourceLine(), p.kind().label, p.message());
    }

    /** What an uncaught exception prints and the process exit status it gives. */
    public record Exit(String stderr, int status) {}

    /** CPython's handling of an exception that reaches the top of the main thread. */
    public static Exit uncaught(Object exception, TracebackFormatter formatter) {
        PyBaseException exc = (PyBaseException) exception;
        if (exc.isA(Types.SYSTEM_EXIT)) {
            Object[] args = exc.args.items;
            Object code = args.length == 0 ? Py.None : args.length == 1 ? args[0] : exc.args;
            if (code == Py.None) {
                return new Exit("", 0);
            }
            if (Py.isInt(code)) {
                BigInteger b = new BigInteger(Ops.str(Ops.abs(code) instanceof Boolean ? Py.box(1) : code));
                return new Exit("", b.intValue() & 0xff);
            }
            return new Exit(Ops.str(code) + "\n", 1);
        }
        // an uncaught KeyboardInterrupt ends the process by SIGINT, as CPython does: -2, as Python's subprocess
        // reports a death by signal 2 (a shell shows 130)
        return new Exit(formatter.format(exc), exc.isA(Types.KEYBOARD_INTERRUPT) ? -2 : 1);
    }

    /** Runs the module thread and turns its end into the process exit status. */
    private static final class MainActivity implements PythonActivity {
        private final PyThread thread;
        private final Interpreter interp;
        private final TracebackFormatter formatter;

        private final List<String> compileWarnings;

        MainActivity(PyThread thread, Interpreter interp, TracebackFormatter formatter, List<String> compileWarnings) {
            this.compileWarnings = compileWarnings;
            this.thread = thread;
            this.interp = interp;
            this.formatter = formatter;
        }

        private boolean warned;

        @Override
        public Outcome run(ExecContext ctx, Completion resumed) {
            if (!warned) {
                warned = true;
                err(ctx, String.join("", compileWarnings));
            }
            Outcome o = thread.run(ctx, resumed);
            if (!(o instanceof Outcome.Done d)) {
                return o;
            }
            int status = 0;
            Object uncaught = null;
            if (d.completion() instanceof Completion.Raised r) {
                uncaught = r.exception();
                Exit exit = uncaught(r.exception(), formatter);
                err(ctx, exit.stderr());
                status = exit.status();
            }
            // objects in reference cycles are freed by the garbage collector when the interpreter shuts down
            err(ctx, interp.takeAtExit());
            err(ctx, interp.exitWarnings(uncaught));
            return new Outcome.Done(new Completion.Returned(status));
        }

        private void err(ExecContext ctx, String text) {
            if (text.isEmpty()) {
                return;
            }
            if (ctx != null) {
                ctx.stderr(text);
            } else {
                interp.detachedErr.append(text);
            }
        }

        @Override
        public String label() {
            return "<module>";
        }

        @Override
        public int currentLine() {
            return thread.currentLine();
        }

        @Override
        public java.util.List<PyThread.StackEntry> stack() {
            return thread.stack();
        }
    }
}
