package dev.loopscope.python.syntax;

/** Unwinds the parser at the first syntax error; never escapes {@link PythonParser}. */
final class ParseError extends RuntimeException {

    final SyntaxProblem.Kind kind;
    final String message;
    final int line;
    final int column;
    final int endLine;
    final int endColumn;
    /** The index of the token the parser stopped at, to weigh it against a tokenizer error further on. */
    final int tokenIndex;
    /** The tokenizer's own error, met while looking ahead: it ends parsing even inside a speculative parse. */
    final boolean fromTokenizer;

    ParseError(SyntaxProblem.Kind kind, String message, int line, int column, int endLine, int endColumn,
               int tokenIndex) {
        this(kind, message, line, column, endLine, endColumn, tokenIndex, false);
    }

    ParseError(SyntaxProblem.Kind kind, String message, int line, int column, int endLine, int endColumn,
               int tokenIndex, boolean fromTokenizer) {
        super(message, null, false, false);
        this.kind = kind;
        this.message = message;
        this.line = line;
        this.column = column;
        this.endLine = endLine;
        this.endColumn = endColumn;
        this.tokenIndex = tokenIndex;
        this.fromTokenizer = fromTokenizer;
    }
}
