package dev.loopscope.python.syntax;

import dev.loopscope.python.syntax.Token.ErrorClass;
import dev.loopscope.python.syntax.Token.Kind;
import dev.loopscope.python.syntax.Token.TokenizerError;
import java.util.ArrayList;
import java.util.List;

/**
 * Python 3.12 tokenizer, following CPython's {@code Parser/tokenizer.c} closely enough to report the same errors
 * at the same places. It produces the whole token list at once; at the first error it appends an
 * {@link Kind#ERROR} token and stops, and the parser reports that error only when it gets there (or when
 * CPython would let it override an earlier parser error).
 *
 * <p>F-strings are tokenized as in PEP 701: {@code FSTRING_START}, literal {@code FSTRING_MIDDLE} parts and the
 * ordinary tokens of each replacement field, then {@code FSTRING_END}.
 */
final class Tokenizer {

    static final int MAX_LEVEL = 200;
    static final int MAX_INDENT = 100;
    private static final int TAB_SIZE = 8;
    /** CPython's MAX_EXPR_NESTING: replacement fields nested inside format specs. */
    private static final int MAX_FIELD_NESTING = 3;

    private static final String THREE_CHAR_OPS = "**= //= >>= <<= ... !=";
    private static final String[] TWO_CHAR_OPS = {"!=", "%=", "&=", "**", "*=", "+=", "-=", "->", "//", "/=", ":=",
            "<<", "<=", "<>", "==", ">=", ">>", "@=", "^=", "|="};

    private final int[] src;
    private final int n;
    private int pos;
    private int line = 1;
    private int lineStart;
    private boolean atBol = true;
    /** The current line holds only whitespace and a comment: its line break is not a NEWLINE token. */
    private boolean blankLine;
    /** Where a comment began on the current line, or -1. */
    private int commentStart = -1;
    /** CPython's cont_line_col: a backslash inside the indentation fixes the indentation of the next line. */
    private final int[] indStack = new int[MAX_INDENT + 1];
    private final int[] altIndStack = new int[MAX_INDENT + 1];
    private int indent;

    private final int[] parenChar = new int[MAX_LEVEL + 1];
    private final int[] parenLine = new int[MAX_LEVEL + 1];
    private final int[] parenCol = new int[MAX_LEVEL + 1];
    private int level;

    /** The f-string modes: {@link FString} while in literal text, {@link Field} inside a replacement field. */
    private final ArrayList<Object> modes = new ArrayList<>();
    private final List<Token> out = new ArrayList<>();
    private boolean finished;

    private static final class FString {
        final int quote;
        final int quoteSize;
        final boolean raw;
        final int startLine;
        final int startCol;
        final int startPos;
        final int startLineStart;
        /** Replacement fields open in this f-string, counting those nested in format specs. */
        int fieldDepth;

        FString(int quote, int quoteSize, boolean raw, int startLine, int startCol, int startPos, int startLineStart) {
            this.quote = quote;
            this.quoteSize = quoteSize;
            this.raw = raw;
            this.startLine = startLine;
            this.startCol = startCol;
            this.startPos = startPos;
            this.startLineStart = startLineStart;
        }
    }

    private static final class Field {
        final FString owner;
        /** The bracket level just after this field's '{'. */
        final int level;
        boolean inSpec;

        Field(FString owner, int level) {
            this.owner = owner;
            this.level = level;
        }
    }

    private Tokenizer(int[] src) {
        this.src = src;
        this.n = src.length;
    }

    /** Normalises line breaks and drops a BOM; the result is what positions refer to. */
    static int[] prepare(String source) {
        String s = source;
        if (s.startsWith("\uFEFF")) {
            s = s.substring(1);
        }
        if (s.indexOf('\r') >= 0) {
            s = s.replace("\r\n", "\n").replace('\r', '\n');
        }
        return s.codePoints().toArray();
    }

    static List<Token> tokenize(int[] codePoints) {
        Tokenizer t = new Tokenizer(codePoints);
        t.run();
        return t.out;
    }

    private void run() {
        while (!finished) {
            Object mode = modes.isEmpty() ? null : modes.get(modes.size() - 1);
            if (mode instanceof FString fs) {
                fstringText(fs, null);
            } else if (mode instanceof Field f && f.inSpec) {
                fstringText(f.owner, f);
            } else {
                regular();
            }
        }
    }

    // ---------------------------------------------------------------- characters and tokens

    private int peek(int ahead) {
        int i = pos + ahead;
        return i < n ? src[i] : -1;
    }

    private String text(int from, int to) {
        return new String(src, from, to - from);
    }

    private int colOf(int p) {
        return p - lineStart;
    }

    private void emit(Kind kind, String text, int startPos, int startLine, int startCol) {
        out.add(new Token(kind, text, startLine, startCol, line, colOf(pos), startPos, pos, null));
    }

    private void emitOp(String op, int startPos) {
        out.add(new Token(Kind.OP, op, line, colOf(startPos), line, colOf(startPos) + op.length(), startPos,
                startPos + op.length(), null));
    }

    private void fail(SyntaxProblem.Kind kind, String message, int ln, int col, int endLn, int endCol, ErrorClass cls,
                      int bracketLine) {
        TokenizerError e = new TokenizerError(kind, message, ln, col, endLn, endCol, cls, bracketLine, !modes.isEmpty());
        out.add(new Token(Kind.ERROR, "", line, Math.max(colOf(pos), 0), line, Math.max(colOf(pos), 0), pos, pos, e));
        finished = true;
    }

    /** CPython's syntaxerror(tok, ...): reported at the current position (a 1-based offset equal to it). */
    private void failHere(String message) {
        int col = colOf(pos);
        fail(SyntaxProblem.Kind.SYNTAX_ERROR, message, line, col, line, col, ErrorClass.RAISED, 0);
    }

    private void failRange(String message, int col, int endCol) {
        fail(SyntaxProblem.Kind.SYNTAX_ERROR, message, line, col, line, endCol, ErrorClass.RAISED, 0);
    }

    private void newline() {
        line++;
        lineStart = pos;
    }

    // ---------------------------------------------------------------- ordinary tokens

    private void regular() {
        commentStart = -1;
        if (atBol) {
            atBol = false;
            blankLine = false;
            if (!indentation()) {
                return;
            }
        }
        // Skip whitespace and comments.
        while (true) {
            int c = peek(0);
            if (c == ' ' || c == '\t' || c == '\f') {
                pos++;
            } else if (c == '#') {
                commentStart = pos;
                while (pos < n && src[pos] != '\n') {
                    pos++;
                }
            } else if (c == '\\') {
                int startCol = colOf(pos);
                pos++;
                if (pos >= n) {
                    fail(SyntaxProblem.Kind.SYNTAX_ERROR, "unexpected EOF while parsing", line, startCol + 2, line, -1,
                            ErrorClass.PLAIN, 0);
                    return;
                }
                if (peek(0) != '\n') {
                    // CPython reports one past the offending character, with an unknown end.
                    if (pos < n) {
                        pos++;
                    }
                    fail(SyntaxProblem.Kind.SYNTAX_ERROR, "unexpected character after line continuation character",
                            line, colOf(pos), line, 0, ErrorClass.PLAIN, 0);
                    return;
                }
                pos++;
                newline();
                if (pos >= n) {
                    fail(SyntaxProblem.Kind.SYNTAX_ERROR, "unexpected EOF while parsing", line - 1,
                            startCol + 2, line - 1, -1, ErrorClass.PLAIN, 0);
                    return;
                }
            } else {
                break;
            }
        }
        int start = pos;
        int startCol = colOf(pos);
        if (pos >= n) {
            endOfInput();
            return;
        }
        int c = src[pos];

        if (c == '\n') {
            pos++;
            if (level > 0 || blankLine) {
                newline();
                atBol = true;
                return;
            }
            // CPython's NEWLINE token starts at a comment that precedes it on the line.
            int nlStart = commentStart >= 0 ? commentStart : start;
            out.add(new Token(Kind.NEWLINE, "\n", line, colOf(nlStart), line, startCol + 1, nlStart, pos, null));
            newline();
            atBol = true;
            return;
        }

        if (isIdentifierStart(c)) {
            identifierOrString();
            return;
        }
        if (isDigit(c) || (c == '.' && isDigit(peek(1)))) {
            number();
            return;
        }
        if (c == '\'' || c == '"') {
            string(start, 0, false, false, false);
            return;
        }

        Field field = currentField();
        if (field != null && !field.inSpec && level == field.level) {
            if (c == ':') {
                pos++;
                out.add(new Token(Kind.FSTRING_SPEC_COLON, ":", line, startCol, line, startCol + 1, start, pos, null));
                field.inSpec = true;
                return;
            }
            if (c == '}') {
                pos++;
                emitOp("}", start);
                level--;
                field.owner.fieldDepth--;
                modes.remove(modes.size() - 1);
                return;
            }
        }

        // Operators: the longest match first.
        if (pos + 2 < n) {
            String three = text(pos, pos + 3);
            if (THREE_CHAR_OPS.contains(three) && three.length() == 3 && !three.contains(" ")) {
                pos += 3;
                emitOp(three, start);
                return;
            }
        }
        if (pos + 1 < n) {
            String two = text(pos, pos + 2);
            for (String op : TWO_CHAR_OPS) {
                if (op.equals(two)) {
                    if (op.equals("<>")) {
                        break; // Barry-as-FLUFL only.
                    }
                    pos += 2;
                    emitOp(two, start);
                    return;
                }
            }
        }
        switch (c) {
            case '(', '[', '{' -> {
                if (level >= MAX_LEVEL) {
                    pos++;
                    failHere("too many nested parentheses");
                    return;
                }
                parenChar[level] = c;
                parenLine[level] = line;
                parenCol[level] = startCol;
                level++;
                pos++;
                emitOp(Character.toString(c), start);
            }
            case ')', ']', '}' -> {
                pos++;
                if (level == 0) {
                    if (field != null && c == '}') {
                        failHere("f-string: single '}' is not allowed");
                    } else {
                        failHere("unmatched '" + (char) c + "'");
                    }
                    return;
                }
                level--;
                int open = parenChar[level];
                if (!(open == '(' && c == ')' || open == '[' && c == ']' || open == '{' && c == '}')) {
                    if (field != null && level + 1 == field.level) {
                        failHere("f-string: unmatched '" + (char) c + "'");
                    } else if (parenLine[level] != line) {
                        failHere("closing parenthesis '" + (char) c + "' does not match opening parenthesis '"
                                + (char) open + "' on line " + parenLine[level]);
                    } else {
                        failHere("closing parenthesis '" + (char) c + "' does not match opening parenthesis '"
                                + (char) open + "'");
                    }
                    return;
                }
                emitOp(Character.toString(c), start);
            }
            case '%', '&', '*', '+', ',', '-', '.', '/', ':', ';', '<', '=', '>', '@', '^', '|', '~', '!' -> {
                pos++;
                emitOp(Character.toString(c), start);
            }
            default -> {
                pos++;
                if (c < 128) {
                    // '$', '?' and '`' are tokens CPython's parser rejects as "invalid syntax".
                    emitOp(Character.toString(c), start);
                } else if (!isPrintable(c)) {
                    failHere(String.format("invalid non-printable character U+%04X", c));
                } else {
                    failHere(String.format("invalid character '%s' (U+%04X)", Character.toString(c), c));
                }
            }
        }
    }

    private Field currentField() {
        for (int i = modes.size() - 1; i >= 0; i--) {
            if (modes.get(i) instanceof Field f) {
                return f;
            }
            return null;
        }
        return null;
    }

    /** Measures the indentation at the start of a line and emits INDENT/DEDENT; false after an error. */
    private boolean indentation() {
        int col = 0;
        int altCol = 0;
        int contLineCol = -1;
        int contAltCol = -1;
        while (true) {
            int c = peek(0);
            if (c == ' ') {
                col++;
                altCol++;
            } else if (c == '\t') {
                col = (col / TAB_SIZE + 1) * TAB_SIZE;
                altCol++;
            } else if (c == '\f') {
                col = 0;
                altCol = 0;
            } else if (c == '\\' && peek(1) == '\n') {
                // A continuation inside indentation: the first one fixes the indentation of what follows.
                if (contLineCol < 0) {
                    contLineCol = col;
                    contAltCol = altCol;
                }
                pos += 2;
                newline();
                continue;
            } else {
                break;
            }
            pos++;
        }
        if (contLineCol >= 0) {
            col = contLineCol;
            altCol = contAltCol;
        }
        int c = peek(0);
        boolean blank = c == '#' || c == '\n' || c == -1;
        blankLine = blank;
        if (blank || level > 0) {
            return true;
        }
        if (col == indStack[indent]) {
            if (altCol != altIndStack[indent]) {
                return tabError();
            }
        } else if (col > indStack[indent]) {
            if (indent + 1 >= MAX_INDENT) {
                fail(SyntaxProblem.Kind.INDENTATION_ERROR, "too many levels of indentation", line, 1, line, 0,
                        ErrorClass.PLAIN, 0);
                return false;
            }
            if (altCol <= altIndStack[indent]) {
                return tabError();
            }
            indent++;
            indStack[indent] = col;
            altIndStack[indent] = altCol;
            out.add(new Token(Kind.INDENT, "", line, 0, line, colOf(pos), lineStart, pos, null));
        } else {
            int dedents = 0;
            while (indent > 0 && col < indStack[indent]) {
                indent--;
                dedents++;
            }
            if (col != indStack[indent]) {
                // CPython points past the end of the offending line.
                int end = pos;
                while (end < n && src[end] != '\n') {
                    end++;
                }
                fail(SyntaxProblem.Kind.INDENTATION_ERROR, "unindent does not match any outer indentation level",
                        line, end - lineStart + 1, line, -1, ErrorClass.PLAIN, 0);
                return false;
            }
            if (altCol != altIndStack[indent]) {
                return tabError();
            }
            for (int i = 0; i < dedents; i++) {
                out.add(new Token(Kind.DEDENT, "", line, colOf(pos), line, colOf(pos), pos, pos, null));
            }
        }
        return true;
    }

    private boolean tabError() {
        fail(SyntaxProblem.Kind.TAB_ERROR, "inconsistent use of tabs and spaces in indentation", line, 1, line, 0,
                ErrorClass.PLAIN, 0);
        return false;
    }

    private void endOfInput() {
        if (!modes.isEmpty()) {
            // Inside a replacement field: CPython reports the innermost unclosed bracket, the field's '{' included.
            unclosedBracket();
            return;
        }
        if (level > 0) {
            unclosedBracket();
            return;
        }
        // CPython adds the missing final newline.
        Token last = out.isEmpty() ? null : out.get(out.size() - 1);
        if (last != null && last.kind() != Kind.NEWLINE && last.kind() != Kind.DEDENT
                && last.kind() != Kind.INDENT) {
            out.add(new Token(Kind.NEWLINE, "", line, colOf(pos), line, colOf(pos) + 1, pos, pos, null));
        }
        int endLine = line;
        int endCol = colOf(pos);
        if (endCol > 0) {
            endLine++;
            endCol = 0;
        }
        for (; indent > 0; indent--) {
            out.add(new Token(Kind.DEDENT, "", endLine, endCol, endLine, endCol, pos, pos, null));
        }
        out.add(new Token(Kind.ENDMARKER, "", endLine, endCol, endLine, endCol, pos, pos, null));
        finished = true;
    }

    private void unclosedBracket() {
        int l = level - 1;
        fail(SyntaxProblem.Kind.SYNTAX_ERROR, "'" + (char) parenChar[l] + "' was never closed", parenLine[l],
                parenCol[l] + 1, parenLine[l], 0, ErrorClass.UNCLOSED, parenLine[l]);
    }

    // ---------------------------------------------------------------- names and numbers

    private void identifierOrString() {
        int start = pos;
        int startCol = colOf(pos);
        // A string prefix: any case of b, r, u, f, br, rb, fr, rf.
        boolean b = false;
        boolean r = false;
        boolean u = false;
        boolean f = false;
        while (true) {
            int c = peek(0);
            if (!b && !u && !f && (c == 'b' || c == 'B')) {
                b = true;
            } else if (!u && !r && (c == 'r' || c == 'R')) {
                r = true;
            } else if (!b && !u && !r && !f && (c == 'u' || c == 'U')) {
                u = true;
            } else if (!b && !u && !f && (c == 'f' || c == 'F')) {
                f = true;
            } else {
                break;
            }
            pos++;
            int next = peek(0);
            if (next == '"' || next == '\'') {
                if (f) {
                    fstringStart(start, r);
                } else {
                    string(start, pos - start, r, b, u);
                }
                return;
            }
        }
        pos = start;
        boolean ascii = true;
        while (pos < n && isIdentifierChar(src[pos])) {
            if (src[pos] >= 128) {
                ascii = false;
            }
            pos++;
        }
        String name = text(start, pos);
        if (!ascii) {
            // CPython rejects the first character that is not valid in an identifier, then normalises (NFKC).
            int[] cps = name.codePoints().toArray();
            name = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKC);
            for (int i = 0; i < cps.length; i++) {
                boolean ok = i == 0 ? isXidStart(cps[i]) : isXidContinue(cps[i]);
                if (!ok) {
                    int bad = cps[i];
                    if (!isPrintable(bad)) {
                        failHere(String.format("invalid non-printable character U+%04X", bad));
                    } else {
                        failHere(String.format("invalid character '%s' (U+%04X)", Character.toString(bad), bad));
                    }
                    return;
                }
            }
        }
        out.add(new Token(Kind.NAME, name, line, startCol, line, colOf(pos), start, pos, null));
    }

    private void number() {
        int start = pos;
        int startCol = colOf(pos);
        int c = src[pos];
        if (c == '0' && (peek(1) == 'x' || peek(1) == 'X' || peek(1) == 'o' || peek(1) == 'O' || peek(1) == 'b'
                || peek(1) == 'B')) {
            int kind = Character.toLowerCase(peek(1));
            pos += 2;
            String kindName = kind == 'x' ? "hexadecimal" : kind == 'o' ? "octal" : "binary";
            int radix = kind == 'x' ? 16 : kind == 'o' ? 8 : 2;
            while (true) {
                if (peek(0) == '_') {
                    pos++;
                }
                int d = peek(0);
                if (!isDigitOf(d, radix)) {
                    if (radix != 16 && isDigit(d)) {
                        pos++;
                        failHere("invalid digit '" + (char) d + "' in " + kindName + " literal");
                    } else {
                        failHere("invalid " + kindName + " literal");
                    }
                    return;
                }
                while (isDigitOf(peek(0), radix)) {
                    pos++;
                }
                if (peek(0) != '_') {
                    break;
                }
            }
            if (radix != 16 && isDigit(peek(0))) {
                int d = peek(0);
                pos++;
                failHere("invalid digit '" + (char) d + "' in " + kindName + " literal");
                return;
            }
            if (!endOfNumber(kindName)) {
                return;
            }
            emitNumber(start, startCol);
            return;
        }
        boolean isFloat = false;
        if (c == '0') {
            // Zeros, possibly with underscores; other digits after them make an old-style octal, an error.
            pos++;
            while (true) {
                if (peek(0) == '_') {
                    pos++;
                    if (!isDigit(peek(0))) {
                        failHere("invalid decimal literal");
                        return;
                    }
                }
                if (peek(0) != '0') {
                    break;
                }
                pos++;
            }
            int zerosEnd = pos;
            boolean nonzero = false;
            if (isDigit(peek(0))) {
                nonzero = true;
                if (!decimalTail()) {
                    return;
                }
            }
            int d = peek(0);
            if (d == '.' || d == 'e' || d == 'E' || d == 'j' || d == 'J') {
                if (!fractionExponentImaginary()) {
                    return;
                }
                emitNumber(start, startCol);
                return;
            } else if (nonzero) {
                failRange("leading zeros in decimal integer literals are not permitted; use an 0o prefix for "
                        + "octal integers", startCol + 1, colOf(zerosEnd) + 1);
                return;
            }
            if (!endOfNumber("decimal")) {
                return;
            }
            emitNumber(start, startCol);
            return;
        }
        if (c != '.') {
            if (!decimalTail()) {
                return;
            }
        } else {
            isFloat = true;
        }
        if (!fractionExponentImaginary()) {
            return;
        }
        emitNumber(start, startCol);
    }

    /** After the integer part: an optional fraction, exponent and imaginary suffix, as CPython scans them. */
    private boolean fractionExponentImaginary() {
        if (peek(0) == '.') {
            pos++;
            if (isDigit(peek(0))) {
                if (!decimalTail()) {
                    return false;
                }
            }
        }
        int c = peek(0);
        if (c == 'e' || c == 'E') {
            int save = pos;
            pos++;
            int s = peek(0);
            if (s == '+' || s == '-') {
                pos++;
                if (!isDigit(peek(0))) {
                    failHere("invalid decimal literal");
                    return false;
                }
            } else if (!isDigit(s)) {
                // "1e" followed by something else: the 'e' is not part of the number.
                pos = save;
                return endOfNumber("decimal");
            }
            if (!decimalTail()) {
                return false;
            }
        }
        c = peek(0);
        if (c == 'j' || c == 'J') {
            pos++;
            return endOfNumber("imaginary");
        }
        return endOfNumber("decimal");
    }

    /** Digits with single underscores between them; false (after reporting) on a misplaced underscore. */
    private boolean decimalTail() {
        while (true) {
            while (isDigit(peek(0))) {
                pos++;
            }
            if (peek(0) != '_') {
                return true;
            }
            pos++;
            if (!isDigit(peek(0))) {
                failHere("invalid decimal literal");
                return false;
            }
        }
    }

    /** CPython's verify_end_of_number: a letter right after a number is an error unless it starts a keyword. */
    private boolean endOfNumber(String kind) {
        int c = peek(0);
        boolean keyword = switch (c) {
            case 'a' -> lookingAt("and");
            case 'e' -> lookingAt("else");
            case 'f' -> lookingAt("for");
            case 'i' -> peek(1) == 'f' || peek(1) == 'n' || peek(1) == 's';
            case 'o' -> lookingAt("or");
            case 'n' -> lookingAt("not");
            default -> false;
        };
        if (keyword) {
            return true; // CPython only warns here.
        }
        if (c >= 0 && c < 128 && isIdentifierChar(c)) {
            failHere("invalid " + kind + " literal");
            return false;
        }
        return true;
    }

    /** The keyword {@code s} starts here and is not the start of a longer name. */
    private boolean lookingAt(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (peek(i) != s.charAt(i)) {
                return false;
            }
        }
        int after = peek(s.length());
        return !(after >= 0 && isIdentifierChar(after));
    }

    private void emitNumber(int start, int startCol) {
        out.add(new Token(Kind.NUMBER, text(start, pos), line, startCol, line, colOf(pos), start, pos, null));
    }

    // ---------------------------------------------------------------- strings

    /** A plain (non-f) string starting at {@code start}, its prefix being {@code prefixLength} characters. */
    private void string(int start, int prefixLength, boolean raw, boolean bytes, boolean unicode) {
        int startLine = line;
        int startCol = colOf(start);
        int startLineStart = lineStart;
        int quote = src[pos];
        int quoteSize = 1;
        if (peek(1) == quote && peek(2) == quote) {
            quoteSize = 3;
        }
        pos += quoteSize;
        while (true) {
            if (pos >= n || (quoteSize == 1 && src[pos] == '\n')) {
                unterminated(quote, quoteSize, startLine, startCol, false);
                return;
            }
            int c = src[pos];
            if (c == quote && (quoteSize == 1 || (peek(1) == quote && peek(2) == quote))) {
                pos += quoteSize;
                break;
            }
            if (c == '\\') {
                pos++;
                if (pos < n) {
                    if (src[pos] == '\n') {
                        pos++;
                        newline();
                    } else {
                        pos++;
                    }
                }
                continue;
            }
            pos++;
            if (c == '\n') {
                newline();
            }
        }
        out.add(new Token(Kind.STRING, text(start, pos), startLine, startCol, line, colOf(pos), start, pos, null));
        if (startLineStart != lineStart) {
            // A multi-line string leaves the tokenizer on its last line.
        }
    }

    /** The line CPython says an unterminated string was detected at: a final line break starts no new line. */
    private int detectedLine() {
        return pos >= n && pos > 0 && src[pos - 1] == '\n' ? line - 1 : line;
    }

    private void unterminated(int quote, int quoteSize, int startLine, int startCol, boolean fstring) {
        int detected = detectedLine();
        Field field = currentField();
        if (!fstring && field != null && !field.inSpec && field.owner.quote == quote
                && field.owner.quoteSize == quoteSize) {
            // The f-string's own closing quote inside a replacement field: the field was not closed.
            fail(SyntaxProblem.Kind.SYNTAX_ERROR, "f-string: expecting '}'", startLine, startCol + 1, startLine,
                    startCol + 1, ErrorClass.RAISED, 0);
            return;
        }
        String what = (quoteSize == 3 ? "unterminated triple-quoted " : "unterminated ")
                + (fstring ? "f-string literal" : "string literal");
        fail(SyntaxProblem.Kind.SYNTAX_ERROR, what + " (detected at line " + detected + ")", startLine,
                startCol + 1, startLine, startCol + 1, ErrorClass.RAISED, 0);
    }

    private void fstringStart(int start, boolean raw) {
        int startCol = colOf(start);
        int quote = src[pos];
        int quoteSize = peek(1) == quote && peek(2) == quote ? 3 : 1;
        pos += quoteSize;
        out.add(new Token(Kind.FSTRING_START, text(start, pos), line, startCol, line, colOf(pos), start, pos, null));
        modes.add(new FString(quote, quoteSize, raw, line, startCol, start, lineStart));
    }

    /**
     * Literal text of an f-string, or of a format spec when {@code spec} is not null, up to a replacement field,
     * the end of the spec or the closing quote.
     */
    private void fstringText(FString fs, Field spec) {
        int start = pos;
        int startLine = line;
        int startCol = colOf(pos);
        StringBuilder text = new StringBuilder();
        while (true) {
            if (pos >= n) {
                if (spec != null) {
                    emitMiddle(text, start, startLine, startCol, false);
                    unclosedBracket();
                    return;
                }
                unterminatedFString(fs);
                return;
            }
            int c = src[pos];
            if (c == fs.quote && (fs.quoteSize == 1 || (peek(1) == fs.quote && peek(2) == fs.quote))) {
                emitMiddle(text, start, startLine, startCol, false);
                int qs = pos;
                pos += fs.quoteSize;
                out.add(new Token(Kind.FSTRING_END, text(qs, pos), line, colOf(qs), line, colOf(pos), qs, pos, null));
                // Leaving a spec this way is an error the parser reports; as in CPython the field's '{' stays open.
                while (!modes.isEmpty()) {
                    Object m = modes.remove(modes.size() - 1);
                    if (m == fs) {
                        break;
                    }
                }
                return;
            }
            if (c == '\n' && fs.quoteSize == 1) {
                if (spec != null) {
                    emitMiddle(text, start, startLine, startCol, false);
                    pos++;
                    newline();
                    fail(SyntaxProblem.Kind.SYNTAX_ERROR, "f-string: expecting '}', or format specs", line, 1, line,
                            2, ErrorClass.RAISED, 0);
                    return;
                }
                unterminatedFString(fs);
                return;
            }
            if (c == '{') {
                if (spec == null && peek(1) == '{') {
                    text.append('{');
                    pos += 2;
                    continue;
                }
                emitMiddle(text, start, startLine, startCol, false);
                if (fs.fieldDepth >= MAX_FIELD_NESTING) {
                    failHere("f-string: expressions nested too deeply");
                    return;
                }
                if (level >= MAX_LEVEL) {
                    pos++;
                    failHere("too many nested parentheses");
                    return;
                }
                parenChar[level] = '{';
                parenLine[level] = line;
                parenCol[level] = colOf(pos);
                level++;
                int p = pos++;
                emitOp("{", p);
                fs.fieldDepth++;
                modes.add(new Field(fs, level));
                return;
            }
            if (c == '}') {
                if (spec != null) {
                    // The end of the spec; the '}' itself closes the field in regular mode.
                    emitMiddle(text, start, startLine, startCol, true);
                    spec.inSpec = false;
                    return;
                }
                if (peek(1) == '}') {
                    text.append('}');
                    pos += 2;
                    continue;
                }
                pos++;
                failHere("f-string: single '}' is not allowed");
                return;
            }
            if (c == '\\' && pos + 1 < n) {
                int next = src[pos + 1];
                if (next == '{' || next == '}') {
                    text.append('\\');
                    pos++;
                    continue;
                }
                if (!fs.raw && next == 'N' && peek(2) == '{') {
                    // A named escape: its braces are not a replacement field.
                    int end = pos + 3;
                    while (end < n && src[end] != '}' && src[end] != '\n' && src[end] != fs.quote) {
                        end++;
                    }
                    if (end < n && src[end] == '}') {
                        text.appendCodePoint('\\').append("N{").append(text(pos + 3, end)).append('}');
                        pos = end + 1;
                        continue;
                    }
                }
                text.append('\\');
                pos++;
                c = src[pos];
                text.appendCodePoint(c);
                pos++;
                if (c == '\n') {
                    newline();
                }
                continue;
            }
            text.appendCodePoint(c);
            pos++;
            if (c == '\n') {
                newline();
            }
        }
    }

    private void emitMiddle(StringBuilder text, int start, int startLine, int startCol, boolean evenEmpty) {
        if (pos > start || evenEmpty) {
            out.add(new Token(Kind.FSTRING_MIDDLE, text.toString(), startLine, startCol, line, colOf(pos), start, pos,
                    null));
        }
    }

    private void unterminatedFString(FString fs) {
        int detected = detectedLine();
        String what = (fs.quoteSize == 3 ? "unterminated triple-quoted f-string literal" : "unterminated f-string literal")
                + " (detected at line " + detected + ")";
        fail(SyntaxProblem.Kind.SYNTAX_ERROR, what, fs.startLine, fs.startCol + 1, fs.startLine, fs.startCol + 1,
                ErrorClass.RAISED, 0);
    }

    // ---------------------------------------------------------------- character classes

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isDigitOf(int c, int radix) {
        return switch (radix) {
            case 16 -> isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            case 8 -> c >= '0' && c <= '7';
            default -> c == '0' || c == '1';
        };
    }

    private static boolean isIdentifierStart(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
    }

    private static boolean isIdentifierChar(int c) {
        return isIdentifierStart(c) || isDigit(c);
    }

    static boolean isXidStart(int c) {
        return c == '_' || Character.isUnicodeIdentifierStart(c) && !Character.isIdentifierIgnorable(c);
    }

    static boolean isXidContinue(int c) {
        return Character.isUnicodeIdentifierPart(c) && !Character.isIdentifierIgnorable(c);
    }

    static boolean isPrintable(int c) {
        int type = Character.getType(c);
        return !(type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.PRIVATE_USE || type == Character.UNASSIGNED
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || (type == Character.SPACE_SEPARATOR && c != ' '));
    }
}
