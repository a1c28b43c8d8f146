package dev.loopscope.ui.code;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits Python source into coloured runs: keywords, builtins, strings, comments, numbers, decorators. */
public final class PythonHighlighter {

    /** A run of {@code length} characters in style class {@code style} ("" for plain text). */
    public record Run(String style, int length) {}

    private static final String[] KEYWORDS = {"False", "None", "True", "and", "as", "assert", "async", "await",
        "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
        "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
        "with", "yield"};
    private static final String[] BUILTINS = {"print", "range", "len", "sum", "list", "isinstance", "Exception",
        "ValueError", "TimeoutError", "ConnectionError", "RuntimeError", "str", "int", "float", "open", "super"};

    private static final Pattern PATTERN = Pattern.compile(
            "(?<COMMENT>#[^\\n]*)"
            + "|(?<STRING>[rbfRBF]{0,2}(?:'''[\\s\\S]*?'''|\"\"\"[\\s\\S]*?\"\"\"|'(?:[^'\\\\\\n]|\\\\.)*'|\"(?:[^\"\\\\\\n]|\\\\.)*\"))"
            + "|(?<KEYWORD>\\b(?:" + String.join("|", KEYWORDS) + ")\\b)"
            + "|(?<BUILTIN>\\b(?:" + String.join("|", BUILTINS) + ")\\b)"
            + "|(?<NUMBER>\\b\\d[\\d_]*(?:\\.\\d+)?\\b)"
            + "|(?<DECORATOR>@\\w+)");

    private PythonHighlighter() {
    }

    public static List<Run> runs(String text) {
        List<Run> runs = new ArrayList<>();
        Matcher m = PATTERN.matcher(text);
        int last = 0;
        while (m.find()) {
            String style = m.group("COMMENT") != null ? "py-comment"
                    : m.group("STRING") != null ? "py-string"
                    : m.group("KEYWORD") != null ? "py-keyword"
                    : m.group("BUILTIN") != null ? "py-builtin"
                    : m.group("NUMBER") != null ? "py-number" : "py-decorator";
            if (m.start() > last) {
                runs.add(new Run("", m.start() - last));
            }
            runs.add(new Run(style, m.end() - m.start()));
            last = m.end();
        }
        if (text.length() > last) {
            runs.add(new Run("", text.length() - last));
        }
        return runs;
    }
}
