package dev.loopscope.python.syntax;

/**
 * One token of Python source. Lines are 1-based, columns 0-based code points, ends exclusive; {@code start}
 * and {@code end} index the tokenizer's code-point array so that the parser can recover source text (the
 * {@code {x=}} of f-strings needs it).
 *
 * @param text    the token's source text; for {@link Kind#FSTRING_MIDDLE} the literal text with {@code {{} and
 *                {@code }}} already collapsed but escapes not yet processed
 * @param problem for {@link Kind#ERROR} only: the tokenizer's error
 */
record Token(Kind kind, String text, int line, int col, int endLine, int endCol, int start, int end,
                    TokenizerError problem) {

    public enum Kind { NAME, NUMBER, STRING, OP, NEWLINE, INDENT, DEDENT, FSTRING_START, FSTRING_MIDDLE, FSTRING_END,
        ENDMARKER, ERROR,
        /** The ':' that starts a replacement field's format spec (never the colon of a lambda or slice). */
        FSTRING_SPEC_COLON }

    /** How a tokenizer error competes with a syntax error the parser found earlier in the file (as CPython does). */
    public enum ErrorClass {
        /** Raised by the tokenizer itself: reported even when the parser failed earlier in the file. */
        RAISED,
        /** End of file inside brackets: reported instead of an earlier parser error only if the bracket opened on an earlier line. */
        UNCLOSED,
        /** Indentation and end-of-input errors: only reported when the parser reaches them. */
        PLAIN
    }

    /** A tokenizer error, and the line of the unclosed bracket for {@link ErrorClass#UNCLOSED}. */
    public record TokenizerError(SyntaxProblem.Kind kind, String message, int line, int column, int endLine,
                                 int endColumn, ErrorClass errorClass, int bracketLine, boolean inFString) {}

    public Span span() {
        return new Span(line, col, endLine, endCol);
    }

    public boolean is(String op) {
        return (kind == Kind.OP || kind == Kind.NAME) && text.equals(op);
    }

    public boolean isOp(String op) {
        return kind == Kind.OP && text.equals(op);
    }

    @Override
    public String toString() {
        return kind + " " + text + " @" + line + ":" + col + "-" + endLine + ":" + endCol;
    }
}
