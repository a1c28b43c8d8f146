package dev.loopscope.python.runtime;

import dev.loopscope.python.compiler.Compiler;
import dev.loopscope.python.syntax.ParseResult;
import dev.loopscope.python.syntax.PythonParser;
import dev.loopscope.python.syntax.SyntaxProblem;

/** Compiles the source text given to {@code exec} and {@code eval} ("<string>"), raising SyntaxError. */
final class SourceCompiler {

    private SourceCompiler() {
    }

    static Code compile(String text, boolean eval) {
        Source source = Source.of("<string>", text);
        ParseResult parsed = PythonParser.parse("<string>", text);
        try {
            if (parsed instanceof ParseResult.Failed f) {
                throw syntaxError(f.problems().get(0));
            }
            return eval ? Compiler.compileEval(parsed.module(), source) : Compiler.compile(parsed.module(), source);
        } catch (Compiler.Failure e) {
            throw syntaxError(e.problem);
        }
    }

    private static PyError syntaxError(SyntaxProblem p) {
        PyType type = switch (p.kind()) {
            case INDENTATION_ERROR -> Types.INDENTATION_ERROR;
            case TAB_ERROR -> Types.TAB_ERROR;
            default -> Types.SYNTAX_ERROR;
        };
        PyBaseException e = Py.newException(type, p.message(),
                PyTuple.of("<string>", Py.box(p.line()), Py.box(p.column()), p.sourceLine() == null ? Py.None
                        : p.sourceLine(), Py.box(p.endLine()), Py.box(p.endColumn())));
        e.dict.put("msg", p.message());
        e.dict.put("lineno", Py.box(p.line()));
        e.dict.put("offset", Py.box(p.column()));
        return new PyError(e);
    }
}
