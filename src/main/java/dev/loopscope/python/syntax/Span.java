package dev.loopscope.python.syntax;

/**
 * Where a node sits in the source, as CPython's AST records it: lines count from 1, columns are
 * 0-based code-point offsets, and the end is exclusive.
 */
public record Span(int line, int column, int endLine, int endColumn) {

    public static final Span NONE = new Span(0, 0, 0, 0);

    /** The span covering both {@code this} and {@code other}. */
    public Span to(Span other) {
        return new Span(line, column, other.endLine, other.endColumn);
    }

    /** "line:column" with a 1-based column, as shown to people. */
    public String where() {
        return line + ":" + (column + 1);
    }
}
