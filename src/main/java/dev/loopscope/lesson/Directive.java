package dev.loopscope.lesson;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of a {@code <!-- loopscope: ... -->} comment: a name, positional words and {@code key=value}
 * attributes (values may be double-quoted). See src/docs/lesson-format.md.
 */
record Directive(String name, List<String> words, Map<String, String> attributes, int line) {

    static final String ANIMATE = "animate";
    static final String KNOB = "knob";
    static final String PREDICT = "predict";

    private static final Pattern OURS = Pattern.compile("\\A\\s*loopscope(?::|(?=\\s)|\\z)");
    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");

    private static final Map<String, Set<String>> KEYS = Map.of(
            ANIMATE, Set.of("view"),
            KNOB, Set.of("id", "label", "line", "literal", "values", "min", "max", "step"),
            PREDICT, Set.of("output"));
    private static final Map<String, String> EXPECTED_KEYS = Map.of(
            ANIMATE, "view",
            KNOB, "id, label, line, literal, values, min, max, step",
            PREDICT, "output or with.KNOB");

    Directive {
        words = List.copyOf(words);
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** A comment's text and the offset of its {@code <!--} in the HTML. */
    private record Comment(int start, String body) {}

    /**
     * The comments in {@code html}, found with plain index scans: a regex would rescan to the end for every
     * unclosed {@code <!--}, which is quadratic on hostile input. After an unclosed one nothing can close.
     */
    private static List<Comment> comments(String html) {
        List<Comment> comments = new ArrayList<>();
        int from = 0;
        while (true) {
            int open = html.indexOf("<!--", from);
            if (open < 0) {
                return comments;
            }
            int close = html.indexOf("-->", open + 4);
            if (close < 0) {
                return comments;
            }
            comments.add(new Comment(open, html.substring(open + 4, close)));
            from = close + 3;
        }
    }

    /** Does this HTML text contain a loopscope comment? */
    static boolean mentions(String html) {
        return html.contains("loopscope") && comments(html).stream().anyMatch(c -> OURS.matcher(c.body()).find());
    }

    /**
     * Every directive in the loopscope comments of {@code html}; other comments and HTML are not ours and are
     * ignored. Malformed directives become problems, reported through {@code report(line, message)}.
     */
    static List<Directive> parse(String html, int firstLine, Reporter report) {
        List<Directive> directives = new ArrayList<>();
        int counted = 0;
        int lineAtCounted = firstLine;
        for (Comment comment : comments(html)) {
            lineAtCounted += newlines(html, counted, comment.start());
            counted = comment.start();
            Matcher ours = OURS.matcher(comment.body());
            if (!ours.find()) {
                continue;
            }
            int line = lineAtCounted;
            String body = comment.body().substring(ours.end());
            boolean any = false;
            for (String text : body.split("\n", -1)) {
                if (!text.isBlank()) {
                    any = true;
                    parseLine(text, line, report).ifPresent(directives::add);
                }
                line++;
            }
            if (!any) {
                report.problem(lineAtCounted, "empty loopscope comment");
            }
        }
        return directives;
    }

    @FunctionalInterface
    interface Reporter {
        void problem(int line, String message);
    }

    private static Optional<Directive> parseLine(String text, int line, Reporter report) {
        List<String> words = new ArrayList<>();
        Map<String, String> attributes = new LinkedHashMap<>();
        int i = 0;
        int n = text.length();
        boolean ok = true;
        while (i < n) {
            if (Character.isWhitespace(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '=') {
                i++;
            }
            String word = text.substring(start, i);
            if (i < n && text.charAt(i) == '=') {
                i++;
                StringBuilder value = new StringBuilder();
                if (i < n && text.charAt(i) == '"') {
                    i++;
                    boolean closed = false;
                    while (i < n) {
                        char c = text.charAt(i++);
                        if (c == '\\' && i < n) {
                            value.append(text.charAt(i++));
                        } else if (c == '"') {
                            closed = true;
                            break;
                        } else {
                            value.append(c);
                        }
                    }
                    if (!closed) {
                        report.problem(line, "unterminated quote in loopscope directive");
                        ok = false;
                    }
                } else {
                    while (i < n && !Character.isWhitespace(text.charAt(i))) {
                        value.append(text.charAt(i++));
                    }
                }
                if (!KEY.matcher(word).matches()) {
                    report.problem(line, "'" + word + "' is not an attribute name in loopscope directive");
                    ok = false;
                } else if (attributes.putIfAbsent(word, value.toString()) != null) {
                    report.problem(line, "attribute '" + word + "' is given twice");
                    ok = false;
                }
            } else {
                words.add(word);
            }
        }
        if (words.isEmpty()) {
            report.problem(line, "loopscope directive has no name (expected animate, knob or predict)");
            return Optional.empty();
        }
        String name = words.removeFirst();
        if (!KEYS.containsKey(name)) {
            report.problem(line, "unknown loopscope directive '" + name + "' (expected animate, knob or predict)");
            return Optional.empty();
        }
        int allowedWords = name.equals(KNOB) ? 1 : 0;
        for (String extra : words.subList(Math.min(allowedWords, words.size()), words.size())) {
            report.problem(line, "unexpected word '" + extra + "' in '" + name + "'");
            ok = false;
        }
        for (String key : attributes.keySet()) {
            boolean known = KEYS.get(name).contains(key) || (name.equals(PREDICT) && key.startsWith("with."));
            if (!known) {
                report.problem(line, "unknown attribute '" + key + "' in '" + name + "' (expected "
                        + EXPECTED_KEYS.get(name) + ")");
                ok = false;
            }
        }
        return ok ? Optional.of(new Directive(name, words, attributes, line)) : Optional.empty();
    }

    private static int newlines(String text, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }
}
