package dev.loopscope.python.syntax;

import dev.loopscope.python.syntax.SyntaxProblem.Kind;
import dev.loopscope.python.syntax.Token.TokenizerError;
import java.util.List;

/**
 * The Python front end's entry point: source text in, a {@link Node.Module} or positioned problems out. It
 * never throws on any input.
 *
 * <pre>{@code
 * switch (PythonParser.parseAndCheck("prog.py", source)) {
 *     case ParseResult.Parsed parsed -> run(parsed.module());
 *     case ParseResult.Failed failed -> failed.problems().forEach(p -> System.err.print(p.format()));
 * }
 * }</pre>
 */
public final class PythonParser {

    /** How deeply nodes may nest in a parsed tree, so that recursive passes over it stay within the stack. */
    public static final int MAX_TREE_DEPTH = 500;

    private PythonParser() {
    }

    /** Parses {@code source} as CPython 3.12's {@code ast.parse} would; a failure carries the first syntax error. */
    public static ParseResult parse(String fileName, String source) {
        String name = fileName == null ? "<string>" : fileName;
        String text = source == null ? "" : source;
        SourceLines lines = new SourceLines(text);
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            int line = lines.lineOf(nul);
            return failed(new SyntaxProblem(Kind.SYNTAX_ERROR, "source code cannot contain null bytes", name, line,
                    lines.columnOf(nul) + 1, line, lines.columnOf(nul) + 2, lines.line(line)));
        }
        Parser parser = null;
        List<Token> tokens;
        try {
            int[] codePoints = Tokenizer.prepare(text);
            tokens = Tokenizer.tokenize(codePoints);
            parser = new Parser(codePoints, tokens);
            Node.Module module = parser.parseModule(name, text);
            Node tooDeep = Nodes.deeperThan(module, MAX_TREE_DEPTH);
            if (tooDeep != null) {
                Span s = tooDeep.span();
                return failed(SyntaxProblem.at(Kind.SYNTAX_ERROR, "too many nested expressions or statements "
                        + "(Loopscope's limit is " + MAX_TREE_DEPTH + " levels)", name, s, lines.line(s.line())));
            }
            return new ParseResult.Parsed(module);
        } catch (ParseError e) {
            return failed(resolve(e, parser, name, lines));
        } catch (StackOverflowError e) {
            // A safety net: the explicit depth limits should make this unreachable.
            return failed(new SyntaxProblem(Kind.SYNTAX_ERROR, "program too complex to parse", name, 1, 1, 1, 1,
                    lines.line(1)));
        }
    }

    /**
     * Parses, then checks what CPython's compiler would refuse ("'return' outside function"...) and what
     * Loopscope does not run: a failure carries the first syntax error, or else every refusal.
     */
    public static ParseResult parseAndCheck(String fileName, String source) {
        ParseResult result = parse(fileName, source);
        if (result instanceof ParseResult.Parsed parsed) {
            List<SyntaxProblem> problems = check(parsed.module());
            if (!problems.isEmpty()) {
                return new ParseResult.Failed(problems);
            }
        }
        return result;
    }

    /**
     * What stops a parsed module from running in Loopscope: the compile-time error CPython would raise (alone),
     * or every construct outside the subset; empty when there is none.
     */
    public static List<SyntaxProblem> check(Node.Module module) {
        var compileError = SubsetChecker.compileError(module);
        if (compileError.isPresent()) {
            return List.of(compileError.get());
        }
        return SubsetChecker.check(module);
    }

    private static ParseResult failed(SyntaxProblem problem) {
        return new ParseResult.Failed(List.of(problem));
    }

    /**
     * The parser's error, unless CPython would report a tokenizer error from further on instead: it tokenizes
     * the rest of the file after a parser error, and a raised tokenizer error (or a bracket left open on an
     * earlier line) wins.
     */
    private static SyntaxProblem resolve(ParseError e, Parser parser, String name, SourceLines lines) {
        int endColumn = e.endColumn;
        String startLine = lines.line(e.line);
        if (e.endLine > e.line && startLine != null) {
            // CPython converts the end column against the first line of the range, capping it there.
            endColumn = Math.min(endColumn, startLine.codePointCount(0, startLine.length()) + 1);
        }
        SyntaxProblem fromParser = new SyntaxProblem(e.kind, e.message, name, e.line, e.column, e.endLine,
                endColumn, startLine);
        if (parser == null) {
            return fromParser;
        }
        TokenizerError te = parser.trailingError();
        if (te == null || parser.reachedEnd()) {
            return fromParser;
        }
        if (e.kind == Kind.INDENTATION_ERROR
                && (e.message.equals("unexpected indent") || e.message.equals("unexpected unindent"))) {
            // CPython raises these after its second pass without tokenizing the rest of the file.
            return fromParser;
        }
        SyntaxProblem fromTokenizer = new SyntaxProblem(te.kind(), te.message(), name, te.line(), te.column(),
                te.endLine(), te.endColumn(), lines.line(te.line()));
        return switch (te.errorClass()) {
            case RAISED -> te.inFString() ? fromParser : fromTokenizer;
            case UNCLOSED -> te.bracketLine() < parser.errorLine() && !te.inFString() ? fromTokenizer : fromParser;
            case PLAIN -> fromParser;
        };
    }

    /** Line lookup for messages. */
    static final class SourceLines {
        private final String[] lines;
        private final int[] starts;

        SourceLines(String text) {
            String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
            this.lines = normalized.split("\n", -1);
            this.starts = new int[lines.length];
            int offset = 0;
            for (int i = 0; i < lines.length; i++) {
                starts[i] = offset;
                offset += lines[i].length() + 1;
            }
        }

        String line(int number) {
            return number >= 1 && number <= lines.length ? lines[number - 1] : null;
        }

        int lineOf(int charIndex) {
            int i = java.util.Arrays.binarySearch(starts, charIndex);
            return (i >= 0 ? i : -i - 2) + 1;
        }

        int columnOf(int charIndex) {
            return charIndex - starts[lineOf(charIndex) - 1];
        }
    }
}
