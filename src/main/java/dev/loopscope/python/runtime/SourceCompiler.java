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
                throw syntaxError(f.problems().get(0), parserText(f.problems().get(0), text, eval), eval, text);
            }
            return eval ? Compiler.compileEval(parsed.module(), source) : Compiler.compile(parsed.module(), source);
        } catch (Compiler.Failure e) {
            // the errors CPython's compiler (not its parser) raises carry no text
            throw syntaxError(e.problem, Py.None, eval, text);
        }
    }

    /**
     * The {@code text} of a parser error: the line as the tokenizer read it, with its newline (exec() adds one at
     * the end; eval() keeps the text as given).
     */
    private static Object parserText(SyntaxProblem p, String text, boolean eval) {
        if (p.sourceLine() == null) {
            return Py.None;
        }
        String[] lines = text.split("\n", -1);
        int i = p.line() - 1;
        boolean hasNewline = i < lines.length - 1;
        return p.sourceLine() + (hasNewline || !eval ? "\n" : "");
    }

    private static PyError syntaxError(SyntaxProblem p, Object text, boolean eval, String source) {
        PyType type = switch (p.kind()) {
            case INDENTATION_ERROR -> Types.INDENTATION_ERROR;
            case TAB_ERROR -> Types.TAB_ERROR;
            default -> Types.SYNTAX_ERROR;
        };
        int offset = p.column();
        int endOffset = p.endColumn();
        if (eval && !source.endsWith("\n") && p.sourceLine() != null && p.line() == p.endLine()
                && offset > p.sourceLine().length() && p.message().equals("invalid syntax")) {
            // at the end of an eval() text without a newline CPython's parser reports no column
            offset = 0;
            endOffset = 0;
        }
        PyBaseException e = Py.newException(type, p.message(),
                PyTuple.of("<string>", Py.box(p.line()), Py.box(offset), text, Py.box(p.endLine()),
                        Py.box(endOffset)));
        e.dict.put("msg", p.message());
        e.dict.put("lineno", Py.box(p.line()));
        e.dict.put("offset", Py.box(offset));
        return new PyError(e);
    }
}
