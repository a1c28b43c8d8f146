package dev.loopscope.python.syntax;

/**
 * One positioned problem with a source file: a syntax error exactly as CPython 3.12 would raise it, or a
 * construct that parses but that Loopscope does not run.
 *
 * <p>Positions follow CPython's {@code SyntaxError} attributes: {@code line} and {@code endLine} are 1-based,
 * {@code column} and {@code endColumn} are 1-based code-point offsets ({@code offset}/{@code end_offset}), the
 * end being exclusive. CPython sometimes reports an end column of 0 or -1 meaning "unknown"; those are kept as
 * they are so that positions compare equal to CPython's.
 *
 * @param sourceLine the offending line without its line break, or null when unknown
 */
public record SyntaxProblem(Kind kind, String message, String fileName, int line, int column, int endLine,
                            int endColumn, String sourceLine) {

    /** Where user-facing documentation of the subset lives, named in every refusal. */
    public static final String SUBSET_DOC = "src/docs/python-subset.md";

    /** The exception class CPython would raise, or {@link #UNSUPPORTED} for a subset refusal. */
    public enum Kind {
        SYNTAX_ERROR("SyntaxError"),
        INDENTATION_ERROR("IndentationError"),
        TAB_ERROR("TabError"),
        UNSUPPORTED("unsupported");

        public final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** A problem covering {@code span} (0-based columns, as in the tree). */
    public static SyntaxProblem at(Kind kind, String message, String fileName, Span span, String sourceLine) {
        return new SyntaxProblem(kind, message, fileName, span.line(), span.column() + 1, span.endLine(),
                span.endColumn() + 1, sourceLine);
    }

    public boolean isUnsupported() {
        return kind == Kind.UNSUPPORTED;
    }

    /**
     * The message as shown to people: CPython's message for a syntax error; for a refusal the message with its
     * position and where to read more, e.g. "`match` statements are not supported by Loopscope (line 3,
     * column 9); see src/docs/python-subset.md".
     */
    public String describe() {
        if (kind == Kind.UNSUPPORTED) {
            return message + " (line " + line + ", column " + column + "); see " + SUBSET_DOC;
        }
        return message;
    }

    /**
     * The command-line report: {@code FILE:LINE:COL: SyntaxError: message}, then the offending line and a caret
     * line under the reported range (one caret when the range is unknown or spans lines).
     */
    public String format() {
        StringBuilder out = new StringBuilder();
        out.append(fileName).append(':').append(line).append(':').append(Math.max(column, 1)).append(": ");
        if (kind == Kind.UNSUPPORTED) {
            out.append(message).append("; see ").append(SUBSET_DOC);
        } else {
            out.append(kind.label).append(": ").append(message);
        }
        out.append('\n');
        if (sourceLine != null && line > 0) {
            String shown = sourceLine.stripTrailing();
            int indent = shown.length() - shown.stripLeading().length();
            shown = shown.stripLeading();
            out.append("    ").append(shown).append('\n');
            int shownLength = shown.codePointCount(0, shown.length());
            int start = Math.max(column - 1 - indent, 0);
            start = Math.min(start, shownLength);
            int width = 1;
            if (endLine == line && endColumn > column) {
                width = endColumn - column;
            }
            width = Math.max(1, Math.min(width, Math.max(shownLength - start, 1)));
            out.append("    ").append(" ".repeat(start)).append("^".repeat(width)).append('\n');
        }
        return out.toString();
    }
}
