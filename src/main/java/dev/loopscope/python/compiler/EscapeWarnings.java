package dev.loopscope.python.compiler;

import dev.loopscope.python.runtime.Source;
import java.util.ArrayList;
import java.util.List;

/**
 * The SyntaxWarnings CPython's tokenizer prints for string literals with invalid escapes ({@code "\d"}): one
 * per literal (per literal part of an f-string), at the line where the literal starts, in source order. The
 * source is already known to parse, so the scan only needs to find literals, not to validate them.
 */
final class EscapeWarnings {

    private final String text;
    private final Source source;
    private final List<String> out = new ArrayList<>();
    private int pos;

    private EscapeWarnings(Source source) {
        this.source = source;
        this.text = source.text();
    }

    static List<String> scan(Source source) {
        EscapeWarnings w = new EscapeWarnings(source);
        w.code(false);
        return w.out;
    }

    /** Scans code up to the end, or (inside an f-string field) up to the '}' or ':' that ends the expression. */
    private void code(boolean inField) {
        int depth = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '#') {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '"' || c == '\'') {
                string(pos, "");
                continue; // string() stops after the closing quote
            } else if (Character.isLetter(c) || c == '_') {
                int start = pos;
                while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                    pos++;
                }
                String word = text.substring(start, pos);
                if (pos < text.length() && (text.charAt(pos) == '"' || text.charAt(pos) == '\'') && word.length() <= 2
                        && word.chars().allMatch(ch -> "rRbBfFuU".indexOf(ch) >= 0)) {
                    string(start, word.toLowerCase());
                }
                continue;
            } else if (inField) {
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                    depth--;
                } else if (depth == 0 && (c == '}' || c == ':' || c == '!' && peek(1) != '=')) {
                    return;
                }
                pos++;
                continue;
            }
            pos++;
        }
    }

    private char peek(int k) {
        return pos + k < text.length() ? text.charAt(pos + k) : '\0';
    }

    /** A literal starting at {@code start} (its prefix), with the opening quote at {@code pos}. */
    private void string(int start, String prefix) {
        char q = text.charAt(pos);
        boolean triple = peek(1) == q && peek(2) == q;
        pos += triple ? 3 : 1;
        boolean raw = prefix.contains("r");
        boolean bytes = prefix.contains("b");
        boolean fstring = prefix.contains("f");
        int partStart = start;
        boolean warned = false;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == q && (!triple || peek(1) == q && peek(2) == q)) {
                pos += triple ? 3 : 1;
                return;
            }
            if (fstring && c == '{') {
                if (peek(1) == '{') {
                    pos += 2;
                    continue;
                }
                pos++;
                field();
                partStart = pos;
                warned = false;
                continue;
            }
            if (fstring && c == '}' && peek(1) == '}') {
                pos += 2;
                continue;
            }
            if (c == '\\') {
                if (!raw && !warned) {
                    // f-string parts report the escape's own line; other literals the line they start on
                    warned = escape(fstring ? pos : partStart, bytes);
                }
                pos += fstring && peek(1) == '{' ? 1 : 2; // in an f-string "\{" still opens a field
                continue;
            }
            pos++;
        }
    }

    /** An f-string replacement field after its '{': expression, conversion, format spec, up to the '}'. */
    private void field() {
        code(true);
        if (pos < text.length() && text.charAt(pos) == '!') {
            pos += 2;
        }
        if (pos < text.length() && text.charAt(pos) == ':') {
            pos++;
            int partStart = pos;
            boolean warned = false;
            while (pos < text.length() && text.charAt(pos) != '}') {
                char c = text.charAt(pos);
                if (c == '{') {
                    pos++;
                    field();
                    partStart = pos;
                    continue;
                }
                if (c == '\\') {
                    if (!warned) {
                        warned = escape(pos, false);
                    }
                    pos += 2;
                    continue;
                }
                pos++;
            }
        }
        if (pos < text.length() && text.charAt(pos) == '}') {
            pos++;
        }
    }

    /** Checks the escape at {@code pos}; reports it at the line of {@code tokenStart}. True when it warned. */
    private boolean escape(int tokenStart, boolean bytes) {
        char e = peek(1);
        String valid = bytes ? "\n\\'\"abfnrtvx" : "\n\\'\"abfnrtvxNuU";
        if (e == '\r' || valid.indexOf(e) >= 0) {
            return false;
        }
        if (e >= '0' && e <= '7') {
            int end = pos + 1;
            int value = 0;
            while (end < text.length() && end < pos + 4 && text.charAt(end) >= '0' && text.charAt(end) <= '7') {
                value = value * 8 + (text.charAt(end) - '0');
                end++;
            }
            if (value > 0377) {
                warn(tokenStart, "invalid octal escape sequence '\\" + text.substring(pos + 1, end) + "'");
                return true;
            }
            return false;
        }
        warn(tokenStart, "invalid escape sequence '\\" + e + "'");
        return true;
    }

    private void warn(int at, String message) {
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        String src = source.fileName().startsWith("<") ? null : source.line(line);
        out.add(source.fileName() + ":" + line + ": SyntaxWarning: " + message + "\n"
                + (src == null || src.isBlank() ? "" : "  " + src.strip() + "\n"));
    }
}
