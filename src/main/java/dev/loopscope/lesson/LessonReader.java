package dev.loopscope.lesson;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Reads one lesson file's commonmark tree into lessons, collecting every problem instead of stopping at the first.
 *
 * <p>Lessons are {@code ##} sections whose heading starts with a number. Inside a lesson, a heading "Quick check"
 * starts the quiz: ordered lists are questions, and ordered lists inside a {@code <details>} element are the
 * answer key. Commonmark gives {@code <details>} and {@code </details>} as separate HTML blocks around normal
 * nodes, or, when there is no blank line after the tag, as one HTML block holding the key as raw text; that text
 * is parsed again as Markdown so both layouts read the same.
 */
final class LessonReader {

    static final Parser PARSER = Parser.builder()
            .extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();

    private static final String SPACE = "[\\s\\p{Z}]";
    /**
     * "9. Title", also "9) Title", "9: Title", "9 – Title", "9 Title", "9.1 Title" and "Lesson 9: Title". The number
     * must be followed by its punctuation, a space or the end, so "2024-01-15 notes" is not lesson 2024.
     */
    private static final Pattern LESSON_HEADING = Pattern.compile("(?i)(?:lesson" + SPACE + "+)?"
            + "(\\d{1,9}(?:\\.\\d{1,9}){0,3})(?:[.):]" + SPACE + "*|" + SPACE + "+(?:[–—-]+" + SPACE + "+)?|$)(.*)");
    private static final Pattern QUICK_CHECK = Pattern.compile("(?i)(?:quick" + SPACE + "*check|quiz)" + SPACE + "*:?");
    /** A line that introduces an answer key written without {@code <details>}. */
    private static final Pattern ANSWER_KEY = Pattern.compile("(?i)answers?(?:" + SPACE + "+key)?" + SPACE + "*:?");
    /** Quantifiers are bounded so a hostile line of a million tags without {@code >} stays linear to scan. */
    private static final Pattern DETAILS_TAG = Pattern.compile("(?i)<details\\b[^>]{0,500}>|</details\\s{0,50}>"
            + "|<summary\\b[^>]{0,500}>[^<]{0,500}</summary\\s{0,50}>|</?summary\\b[^>]{0,500}>");
    /** "True / False" in any spacing, also "True or False" and "(True/False)", with the punctuation after it. */
    private static final String TRUE_FALSE_WORDS = "(?:[(\\[]" + SPACE + "*+)?true(?:" + SPACE + "*+/" + SPACE + "*+|"
            + SPACE + "++or" + SPACE + "++)false(?![\\p{L}\\p{N}])(?:" + SPACE + "*+[)\\]])?";
    private static final Pattern TRUE_FALSE = Pattern.compile(
            "(?i)" + SPACE + "*" + TRUE_FALSE_WORDS + SPACE + "*(?:[:.?\\-–—]+" + SPACE + "*)?");
    /** The marker written at the end of the statement instead: "Threads are cheap. True / False". */
    private static final Pattern TRAILING_TRUE_FALSE = Pattern.compile(
            "(?i)(?<![\\p{L}\\p{N}])" + TRUE_FALSE_WORDS + SPACE + "*+[.:?]?" + SPACE + "*+$");
    private static final Pattern MARKER_PUNCTUATION = Pattern.compile(SPACE + "*(?:[:.?\\-–—]+" + SPACE + "*)?");
    /** An option letter as written: "a." "a)" or "(a)"; the letter is group 1. */
    private static final String OPTION_MARK = "(?:\\((?=[A-Za-z]\\)))?([A-Za-z])[.)]";
    private static final Pattern LINE_OPTION = Pattern.compile(SPACE + "*" + OPTION_MARK + "(?:" + SPACE + "+|$)");
    /**
     * An option inside a line follows two or more spaces or a tab. Starts only where a run of spaces starts, and
     * never backtracks into it: linear on long runs of spaces.
     */
    private static final Pattern MID_OPTION = Pattern.compile(
            "(?<!" + SPACE + ")(?=" + SPACE + "{2}|\t)" + SPACE + "++" + OPTION_MARK + "(?:" + SPACE + "+|$)");
    /** When that finds too few options: "Which pool? a) threads b) processes" also splits after one space. */
    private static final Pattern LOOSE_FIRST_OPTION = Pattern.compile(
            "(?:(?<=[?:])" + SPACE + "++|(?<!" + SPACE + ")(?=" + SPACE + "{2}|\t)" + SPACE + "++)" + OPTION_MARK
                    + "(?:" + SPACE + "+|$)");
    private static final Pattern LOOSE_NEXT_OPTION = Pattern.compile(
            "(?<!" + SPACE + ")" + SPACE + "++" + OPTION_MARK + "(?:" + SPACE + "+|$)");
    /** An option letter written in bold or emphasis: {@code **a.** threads}. */
    private static final Pattern OPTION_MARK_ONLY = Pattern.compile(SPACE + "*" + OPTION_MARK + SPACE + "*");
    /** What must end the text before an option that does not start a line, strictly and loosely. */
    private static final Pattern BEFORE_OPTION = Pattern.compile("(?:" + SPACE + "{2}|\t)$");
    private static final Pattern BEFORE_LOOSE_FIRST_OPTION = Pattern.compile("(?:[?:]" + SPACE + "|" + SPACE + "{2}|\t)$");
    private static final Pattern BEFORE_LOOSE_OPTION = Pattern.compile(SPACE + "$");
    private static final Pattern OPTION_LIST = Pattern.compile(SPACE + "*" + OPTION_MARK + SPACE + ".*", Pattern.DOTALL);
    private static final Pattern ANSWER_TOKEN = Pattern.compile("(?i)" + SPACE + "*\\(?(?:[a-z]|true|false)\\)?[.:]?"
            + SPACE + "*");
    private static final Pattern ANSWER_TAIL = Pattern.compile(
            SPACE + "*[.:;,)]*" + SPACE + "*(?:[–—-]+" + SPACE + "*)?");
    /** A bold answer that goes on into its explanation: "b – because …", "True. It is …", "b. threads". */
    private static final Pattern ANSWER_WITH_TEXT = Pattern.compile("(?is)\\(?([a-z]|true|false)\\)?(?:[.:)]"
            + SPACE + "*|" + SPACE + "+)(?:[–—-]+" + SPACE + "*)?(.+)");
    private static final Pattern LEADING_DASH = Pattern.compile(SPACE + "*(?:[–—-]+" + SPACE + "*)?");
    private static final Pattern ARROW = Pattern.compile("→|->");
    private static final Pattern BR = Pattern.compile("(?i)<br\\s*/?>");
    /** Deeper nesting than any lesson needs; the limit keeps hostile input from exhausting the stack. */
    private static final int MAX_DEPTH = 40;

    private final Path file;
    private final List<Problem> problems = new ArrayList<>();
    private final List<Lesson> lessons = new ArrayList<>();
    private final DirectiveReader directives;
    private LessonBuilder lesson;
    private boolean sawUnnumberedSection;
    private boolean reportedTooDeep;

    record Result(List<Lesson> lessons, List<Problem> problems) {}

    private LessonReader(Path file) {
        this.file = file;
        this.directives = new DirectiveReader(this::report);
    }

    static Result read(Path file, String text) {
        LessonReader reader = new LessonReader(file);
        text = reader.limitNesting(blankFrontMatter(text));
        Src src = new Src(text.lines().toList(), 0);
        Node document = PARSER.parse(text);
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            reader.top(node, src, 0);
        }
        reader.finishLesson();
        if (reader.lessons.isEmpty() && !reader.sawUnnumberedSection) {
            reader.report(1, "no lessons found: a lesson starts with a heading like \"## 9. Title\"");
        }
        return new Result(reader.lessons, reader.problems);
    }

    private static final Pattern FRONT_MATTER_FENCE = Pattern.compile("---[ \t]*");
    private static final Pattern FRONT_MATTER_END = Pattern.compile("(?:---|\\.\\.\\.)[ \t]*");
    private static final Pattern FRONT_MATTER_LINE = Pattern.compile("[ \t]+\\S.*|-[ \t].*|[\\w.-]+[ \t]*:.*|[ \t]*");
    private static final int MAX_FRONT_MATTER_LINES = 100;

    /**
     * YAML front matter ({@code ---} lines around {@code key: value} lines at the very top, as static site
     * generators use) is metadata, not Markdown: its lines are blanked, which keeps every line number.
     */
    static String blankFrontMatter(String text) {
        List<String> lines = text.lines().limit(MAX_FRONT_MATTER_LINES + 2).toList();
        if (lines.size() < 2 || !FRONT_MATTER_FENCE.matcher(lines.getFirst()).matches()) {
            return text;
        }
        for (int end = 1; end < lines.size(); end++) {
            String line = lines.get(end);
            if (FRONT_MATTER_END.matcher(line).matches()) {
                if (end == 1) {
                    return text;
                }
                int cut = 0;
                for (int i = 0; i <= end && cut < text.length(); i++) {
                    while (cut < text.length() && text.charAt(cut) != '\n' && text.charAt(cut) != '\r') {
                        cut++;
                    }
                    if (cut < text.length()) {
                        cut += text.startsWith("\r\n", cut) ? 2 : 1;
                    }
                }
                return "\n".repeat(end + 1) + text.substring(cut);
            }
            if (!FRONT_MATTER_LINE.matcher(line).matches()) {
                return text;
            }
        }
        return text;
    }

    /** More list and quote markers on one line than any lesson needs; the rest of the line is read as text. */
    static final int MAX_MARKERS = 32;

    /**
     * Commonmark takes superlinear time on lines like {@code - - - - … x} nested thousands deep. A marker past
     * {@link #MAX_MARKERS} is escaped with a backslash, which makes it literal text, so parsing stays linear and the
     * rest of the file still loads. Line numbers do not change.
     */
    private String limitNesting(String text) {
        StringBuilder out = null;
        int lineNumber = 1;
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            int escapeAt = deepMarker(text, lineStart, lineEnd);
            if (escapeAt >= 0) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16);
                    out.append(text, 0, lineStart);
                }
                out.append(text, lineStart, escapeAt).append('\\').append(text, escapeAt, lineEnd);
                report(lineNumber, "lists or quotes are nested more than " + MAX_MARKERS
                        + " levels deep on this line; the rest of it is read as text");
            } else if (out != null) {
                out.append(text, lineStart, lineEnd);
            }
            if (out != null && lineEnd < text.length()) {
                out.append('\n');
            }
            lineStart = lineEnd + 1;
            lineNumber++;
        }
        return out == null ? text : out.toString();
    }

    /** Where to put the backslash that ends a too-deep run of markers on the line, or -1. */
    private static int deepMarker(String text, int start, int end) {
        int i = start;
        int depth = 0;
        while (i < end) {
            int j = i;
            while (j < end && j - i < 4 && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
                j++;
            }
            if (j >= end) {
                return -1;
            }
            char c = text.charAt(j);
            int punctuation;
            if (c == '>') {
                punctuation = j;
            } else if ((c == '-' || c == '*' || c == '+') && (j + 1 == end || text.charAt(j + 1) == ' ')) {
                punctuation = j;
            } else {
                int k = j;
                while (k < end && k - j < 9 && text.charAt(k) >= '0' && text.charAt(k) <= '9') {
                    k++;
                }
                if (k == j || k >= end || (text.charAt(k) != '.' && text.charAt(k) != ')')
                        || (k + 1 < end && text.charAt(k + 1) != ' ')) {
                    return -1;
                }
                punctuation = k;
            }
            if (++depth > MAX_MARKERS) {
                return punctuation;
            }
            i = punctuation + 1;
        }
        return -1;
    }

    private void report(int line, String message) {
        problems.add(new Problem(file, line, message));
    }

    /** Source lines of the text a node was parsed from; {@code offset} maps them to file lines. */
    private record Src(List<String> lines, int offset) {

        int line(Node node) {
            for (Node n = node; n != null; n = n.getParent()) {
                Optional<SourceSpan> span = firstSpan(n);
                if (span.isPresent()) {
                    return offset + span.get().getLineIndex() + 1;
                }
            }
            return offset + 1;
        }

        private static Optional<SourceSpan> firstSpan(Node node) {
            if (!node.getSourceSpans().isEmpty()) {
                return Optional.of(node.getSourceSpans().getFirst());
            }
            for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
                if (!c.getSourceSpans().isEmpty()) {
                    return Optional.of(c.getSourceSpans().getFirst());
                }
            }
            return Optional.empty();
        }

        /** The number written before a list item's marker, which is what answer keys refer to. */
        Optional<Integer> marker(ListItem item) {
            if (item.getSourceSpans().isEmpty()) {
                return Optional.empty();
            }
            SourceSpan span = item.getSourceSpans().getFirst();
            if (span.getLineIndex() < 0 || span.getLineIndex() >= lines.size()) {
                return Optional.empty();
            }
            String raw = lines.get(span.getLineIndex());
            int i = Math.max(0, span.getColumnIndex());
            while (i < raw.length() && raw.charAt(i) == ' ') {
                i++;
            }
            int start = i;
            while (i < raw.length() && i - start < 9 && raw.charAt(i) >= '0' && raw.charAt(i) <= '9') {
                i++;
            }
            return i > start ? Optional.of(Integer.parseInt(raw.substring(start, i))) : Optional.empty();
        }
    }

    private void top(Node node, Src src, int depth) {
        if (node instanceof org.commonmark.node.Heading h && h.getLevel() <= 2) {
            finishLesson();
            if (h.getLevel() == 2) {
                startLesson(h, src, depth);
            }
            return;
        }
        if (lesson != null) {
            lesson.add(node, src, depth);
        } else if (node instanceof HtmlBlock html && Directive.mentions(nonNull(html.getLiteral()))) {
            report(src.line(node), "loopscope directive outside a lesson");
        }
    }

    private void startLesson(org.commonmark.node.Heading heading, Src src, int depth) {
        int line = src.line(heading);
        String text = Inline.plainText(inlines(heading, src, depth, null));
        Matcher m = LESSON_HEADING.matcher(text);
        if (!m.matches()) {
            sawUnnumberedSection = true;
            report(line, "section \"" + text + "\" has no lesson number (expected a heading like \"## 9. Title\")");
            return;
        }
        String title = Inline.collapse(m.group(2));
        if (title.isEmpty()) {
            report(line, "lesson " + m.group(1) + " has no title");
        }
        lesson = new LessonBuilder(m.group(1), title, line);
    }

    private void finishLesson() {
        if (lesson != null) {
            lessons.add(lesson.finish());
            lesson = null;
        }
    }

    private boolean tooDeep(int depth, int line) {
        if (depth <= MAX_DEPTH) {
            return false;
        }
        if (!reportedTooDeep) {
            reportedTooDeep = true;
            report(line, "content is nested more than " + MAX_DEPTH + " levels deep; the deeper part is left out");
        }
        return true;
    }

    // ---------------------------------------------------------------- one lesson

    private record RawQuestion(int number, int line, Optional<Question.Kind> kind, List<Inline> prompt,
            List<Option> options, Optional<Prediction> prediction, int predictLine, List<Block> body) {}

    /**
     * One entry of an answer key.
     *
     * @param answer the bold answer as written, if any
     * @param leading whether the bold answer opens the entry, as the format has it
     * @param explanation what follows the answer
     * @param whole the entry as an explanation, which is what a predict question's entry is
     */
    /** A paragraph of options, or a code block before them, that Markdown put after a question's list. */
    private record AfterQuestion(Node node, Src src) {}

    /** A question's list item, and what belongs to it after its list. */
    private record QuestionSource(ListItem item, Src src, int number, int depth, List<AfterQuestion> extra) {}

    private record RawAnswer(int number, int line, Optional<String> answer, boolean leading, List<Inline> explanation,
            List<Inline> whole) {}

    private final class LessonBuilder {
        private final String number;
        private final String title;
        private final int line;
        private final List<Block> blocks = new ArrayList<>();
        private final List<Directive> pending = new ArrayList<>();
        private final Deque<Integer> openDetails = new ArrayDeque<>();
        private final List<RawQuestion> questions = new ArrayList<>();
        /** Questions as found; they are read at the end, once paragraphs of options after them are known. */
        private final List<QuestionSource> questionSources = new ArrayList<>();
        /** Whether the last thing read was a list of questions, which a paragraph of options may continue. */
        private boolean afterQuestions;
        /** A code block right after a question, kept back until it is clear whether options follow it. */
        private AfterQuestion held;
        private final List<RawAnswer> answers = new ArrayList<>();
        private CodeBlock animated;
        private int quizIndex = -1;
        private int quizLine;
        private boolean inQuiz;
        private int quizLevel;
        /** How many {@code <details>} deep the open answer key is; 0 when none is open. */
        private int keyDepth;
        /** An answer key introduced by a line "Answer key" instead of {@code <details>}, up to the next heading. */
        private boolean plainKey;

        LessonBuilder(String number, String title, int line) {
            this.number = number;
            this.title = title;
            this.line = line;
        }

        void add(Node node, Src src, int depth) {
            if (tooDeep(depth, src.line(node))) {
                return;
            }
            if (held != null) {
                AfterQuestion code = held;
                held = null;
                if (isOptions(node)) {
                    // "1. What does this print?", a code block, then "a. …": all three are one question.
                    questionSources.getLast().extra().add(code);
                    questionSources.getLast().extra().add(new AfterQuestion(node, src));
                    return;
                }
                codeBlock(code.node(), code.src());
            }
            if (inQuiz && afterQuestions && keyDepth == 0 && !plainKey && pending.isEmpty()
                    && node instanceof FencedCodeBlock) {
                held = new AfterQuestion(node, src);
                return;
            }
            if (node instanceof org.commonmark.node.Heading h) {
                heading(h, src, depth);
                return;
            }
            if (node instanceof HtmlBlock html) {
                html(html, src, depth);
                return;
            }
            if (inQuiz && keyDepth == 0 && !plainKey && node instanceof org.commonmark.node.Paragraph p
                    && ANSWER_KEY.matcher(Inline.collapse(literalText(p))).matches()) {
                plainKey = true;
                return;
            }
            if (inQuiz && (keyDepth > 0 || plainKey)) {
                // Inside the answer key only numbered answers count; prose there is not part of the lesson.
                if (node instanceof OrderedList list) {
                    eachItem(list, src, (item, number) -> answers.add(answer(item, src, number, depth)));
                }
                return;
            }
            if (inQuiz && node instanceof OrderedList list) {
                flushPending();
                eachItem(list, src, (item, number) -> questionSources.add(new QuestionSource(item, src, number,
                        depth, new ArrayList<>())));
                afterQuestions = true;
                return;
            }
            if (afterQuestions && isOptions(node)) {
                // "1. Question?", a blank line, then "a. …" less indented than the question's text: Markdown ends
                // the list there, but the options belong to the question.
                questionSources.getLast().extra().add(new AfterQuestion(node, src));
                return;
            }
            afterQuestions = false;
            if (node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock) {
                codeBlock(node, src);
                return;
            }
            flushPending();
            convert(node, src, depth).ifPresent(blocks::add);
        }

        private boolean isOptions(Node node) {
            return inQuiz && !questionSources.isEmpty() && node instanceof org.commonmark.node.Paragraph p
                    && OPTION_LIST.matcher(literalText(p)).matches();
        }

        private void heading(org.commonmark.node.Heading h, Src src, int depth) {
            flushPending();
            afterQuestions = false;
            List<Inline> runs = inlines(h, src, depth, null);
            if (QUICK_CHECK.matcher(Inline.plainText(runs)).matches()) {
                inQuiz = true;
                plainKey = false;
                quizLevel = h.getLevel();
                if (quizIndex < 0) {
                    quizIndex = blocks.size();
                    quizLine = src.line(h);
                }
                return;
            }
            if (inQuiz && h.getLevel() > quizLevel && keyDepth == 0
                    && ANSWER_KEY.matcher(Inline.plainText(runs)).matches()) {
                plainKey = true;
                return;
            }
            plainKey = false;
            if (inQuiz && h.getLevel() <= quizLevel) {
                inQuiz = false;
                keyDepth = 0;
            }
            blocks.add(new Heading(src.line(h), h.getLevel(), runs));
        }

        private void html(HtmlBlock html, Src src, int depth) {
            String literal = html.getLiteral() == null ? "" : html.getLiteral();
            int first = src.line(html);
            if (DETAILS_TAG.matcher(literal).find()) {
                afterQuestions = false;
                details(literal, first, depth);
                return;
            }
            for (Directive d : Directive.parse(literal, first, LessonReader.this::report)) {
                switch (d.name()) {
                    case Directive.PREDICT -> report(d.line(), "'predict' belongs inside a quick check question");
                    default -> pending.add(d);
                }
            }
        }

        /** Splits an HTML block at its details tags; text between the tags is Markdown and is parsed as such. */
        private void details(String literal, int first, int depth) {
            Chunk chunk = new Chunk();
            String[] lines = literal.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                int fileLine = first + i;
                Matcher m = DETAILS_TAG.matcher(lines[i]);
                int pos = 0;
                while (m.find()) {
                    chunk.append(lines[i].substring(pos, m.start()), fileLine);
                    String tag = m.group().toLowerCase(Locale.ROOT);
                    if (tag.startsWith("<details")) {
                        chunk.flush(depth);
                        openDetails.push(fileLine);
                        if (inQuiz && keyDepth == 0) {
                            keyDepth = openDetails.size();
                        }
                    } else if (tag.startsWith("</details")) {
                        chunk.flush(depth);
                        closeDetails(fileLine);
                    }
                    pos = m.end();
                }
                chunk.append(lines[i].substring(pos), fileLine);
            }
            chunk.flush(depth);
        }

        private void closeDetails(int fileLine) {
            if (openDetails.isEmpty()) {
                report(fileLine, "</details> without a matching <details>");
                return;
            }
            openDetails.pop();
            if (keyDepth > openDetails.size()) {
                keyDepth = 0;
            }
        }

        /** Consecutive lines of Markdown found between details tags, kept at their file lines. */
        private final class Chunk {
            private final List<StringBuilder> lines = new ArrayList<>();
            private int firstLine;

            void append(String text, int fileLine) {
                if (lines.isEmpty()) {
                    if (text.isBlank()) {
                        return;
                    }
                    firstLine = fileLine;
                }
                while (firstLine + lines.size() <= fileLine) {
                    lines.add(new StringBuilder());
                }
                lines.getLast().append(text);
            }

            void flush(int depth) {
                List<String> text = lines.stream().map(StringBuilder::toString).toList();
                if (text.stream().anyMatch(l -> !l.isBlank())) {
                    Src sub = new Src(text, firstLine - 1);
                    Node document = PARSER.parse(String.join("\n", text));
                    // Through top(), so a heading in the chunk ends this lesson like anywhere else.
                    for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
                        top(node, sub, depth + 1);
                    }
                }
                lines.clear();
            }
        }

        /** Directives waiting for a code block were followed by something else. */
        private void flushPending() {
            for (Directive d : pending) {
                report(d.line(), "'" + d.name() + "' must come right before a code block");
            }
            pending.clear();
        }

        private void codeBlock(Node node, Src src) {
            int fence = src.line(node);
            String info = node instanceof FencedCodeBlock f && f.getInfo() != null ? f.getInfo().strip() : "";
            String[] words = info.isEmpty() ? new String[0] : info.split(SPACE + "+");
            String language = words.length > 0 ? words[0] : "";
            String code = literal(node);
            int firstCodeLine = node instanceof FencedCodeBlock ? fence + 1 : fence;

            boolean animateWord = false;
            String infoView = null;
            for (int i = 1; i < words.length; i++) {
                if (words[i].equals("animate")) {
                    animateWord = true;
                } else if (words[i].startsWith("view=")) {
                    infoView = words[i].substring("view=".length());
                    animateWord = true;
                } else {
                    report(fence, "unknown code block option '" + words[i] + "' (expected animate or view=…)");
                }
            }
            List<Directive> animates = pending.stream().filter(d -> d.name().equals(Directive.ANIMATE)).toList();
            List<Directive> knobs = pending.stream().filter(d -> d.name().equals(Directive.KNOB)).toList();
            pending.clear();

            boolean wantsAnimation = animateWord || !animates.isEmpty();
            if (!wantsAnimation) {
                for (Directive k : knobs) {
                    report(k.line(), "'knob' is on a code block that is not animated (add 'animate view=…')");
                }
                blocks.add(plainCode(node, language, code, fence, firstCodeLine));
                return;
            }
            Optional<LabView> view = animates.isEmpty()
                    ? directives.view(infoView, fence)
                    : directives.view(animates.getFirst());
            for (Directive extra : animates.subList(Math.min(1, animates.size()), animates.size())) {
                report(extra.line(), "'animate' is given twice for one code block");
            }
            if (animateWord && !animates.isEmpty() && infoView != null && view.isPresent()
                    && !infoView.equals(view.get().id())) {
                report(fence, "the code block says view=" + infoView + " but its 'animate' says view="
                        + view.get().id());
            }
            if (animated != null) {
                report(fence, "lesson " + number + " already animates the code block at line " + animated.line()
                        + "; a lesson animates one code block");
            }
            // Knobs are checked even when the block cannot be animated, so every problem shows at once.
            List<Knob> kept = knobs(knobs, code);
            if (view.isEmpty() || animated != null) {
                blocks.add(plainCode(node, language, code, fence, firstCodeLine));
                return;
            }
            animated = new CodeBlock(fence, language, code, firstCodeLine,
                    Optional.of(new Animation(view.get(), kept)));
            blocks.add(animated);
        }

        private List<Knob> knobs(List<Directive> knobs, String code) {
            List<Knob> kept = new ArrayList<>();
            Map<String, Integer> offsets = new HashMap<>();
            for (Directive d : knobs) {
                Optional<Knob> knob = directives.knob(d);
                if (knob.isEmpty()) {
                    continue;
                }
                Knob k = knob.get();
                if (kept.stream().anyMatch(other -> other.id().equals(k.id()))) {
                    report(d.line(), "knob id '" + k.id() + "' is used twice on one code block");
                    continue;
                }
                switch (k.locate(code)) {
                    case Knob.Location.Missing missing -> report(d.line(), missing.message());
                    case Knob.Location.Found found -> {
                        Optional<Knob> clash = kept.stream()
                                .filter(o -> overlaps(offsets.get(o.id()), o.literal().length(), found.offset(),
                                        k.literal().length()))
                                .findFirst();
                        if (clash.isPresent()) {
                            report(d.line(), "knob '" + k.id() + "' uses the same literal as knob '"
                                    + clash.get().id() + "'");
                        } else {
                            offsets.put(k.id(), found.offset());
                            kept.add(k);
                        }
                    }
                }
            }
            return kept;
        }

        private static boolean overlaps(int start, int length, int otherStart, int otherLength) {
            return start < otherStart + otherLength && otherStart < start + length;
        }

        // ------------------------------------------------------------ quiz

        private interface ItemConsumer {
            void accept(ListItem item, int number);
        }

        /**
         * Hands each item its number: the one written before it, or, in a list numbered "1. 1. 1." so that
         * Markdown counts for the author, the one Markdown shows.
         */
        private void eachItem(OrderedList list, Src src, ItemConsumer consumer) {
            int start = list.getMarkerStartNumber() == null ? 1 : list.getMarkerStartNumber();
            List<ListItem> items = new ArrayList<>();
            for (Node child = list.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof ListItem item) {
                    items.add(item);
                }
            }
            boolean counted = items.size() > 1
                    && items.stream().allMatch(item -> src.marker(item).orElse(-1) == start);
            int next = start;
            for (ListItem item : items) {
                int number = counted ? next : src.marker(item).orElse(next);
                consumer.accept(item, number);
                next = number + 1;
            }
        }

        private RawQuestion question(QuestionSource source) {
            ListItem item = source.item();
            Src src = source.src();
            int qNumber = source.number();
            int depth = source.depth();
            int qLine = src.line(item);
            List<Directive> found = new ArrayList<>();
            List<Inline> flat = new ArrayList<>();
            List<Block> body = new ArrayList<>();
            for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                switch (child) {
                    case org.commonmark.node.Paragraph p -> appendLine(flat, inlines(p, src, depth + 1, found));
                    case HtmlBlock html -> found.addAll(Directive.parse(
                            html.getLiteral() == null ? "" : html.getLiteral(), src.line(html),
                            LessonReader.this::report));
                    case org.commonmark.node.ListBlock nested when isOptionList(nested) -> {
                        for (Node sub = nested.getFirstChild(); sub != null; sub = sub.getNext()) {
                            for (Node part = sub.getFirstChild(); part != null; part = part.getNext()) {
                                if (part instanceof org.commonmark.node.Paragraph p) {
                                    appendLine(flat, inlines(p, src, depth + 2, found));
                                } else {
                                    convert(part, src, depth + 2).ifPresent(body::add);
                                }
                            }
                        }
                    }
                    default -> convert(child, src, depth + 1).ifPresent(body::add);
                }
            }
            for (AfterQuestion extra : source.extra()) {
                if (extra.node() instanceof org.commonmark.node.Paragraph p) {
                    appendLine(flat, inlines(p, extra.src(), depth + 1, found));
                } else {
                    convert(extra.node(), extra.src(), depth + 1).ifPresent(body::add);
                }
            }
            Optional<Prediction> prediction = Optional.empty();
            int predictLine = qLine;
            boolean predicts = false;
            boolean broken = false;
            for (Directive d : found) {
                if (!d.name().equals(Directive.PREDICT)) {
                    report(d.line(), "'" + d.name() + "' is not allowed inside a question");
                } else if (predicts) {
                    report(d.line(), "question " + qNumber + " has 'predict' twice");
                } else {
                    predicts = true;
                    predictLine = d.line();
                    prediction = directives.prediction(d);
                    broken = prediction.isEmpty();
                }
            }

            OptionSplit split = splitOptions(flat);
            Optional<List<Inline>> statement = predicts || split.options().size() > 1
                    ? Optional.empty() : trueFalseStatement(flat);
            if (statement.isPresent()) {
                Optional<Question.Kind> usable = Optional.of(Question.Kind.TRUE_FALSE);
                if (statement.get().isEmpty()) {
                    report(qLine, "question " + qNumber + " has no statement after \"True / False\"");
                    usable = Optional.empty();
                }
                return new RawQuestion(qNumber, qLine, usable, statement.get(), List.of(), Optional.empty(),
                        predictLine, body);
            }
            Question.Kind kind = prediction.isPresent() ? Question.Kind.PREDICT : Question.Kind.CHOICE;
            Optional<Question.Kind> usable = Optional.of(kind);
            if (broken) {
                usable = Optional.empty();
            } else if (split.options().isEmpty()) {
                report(qLine, "question " + qNumber + " has no options (expected \"a. …   b. …\" or \"True / False\")");
                usable = Optional.empty();
            } else if (split.options().size() == 1) {
                report(qLine, "question " + qNumber + " has only one option");
                usable = Optional.empty();
            } else if (split.prompt().isEmpty()) {
                report(qLine, "question " + qNumber + " has no question text before its options");
                usable = Optional.empty();
            }
            return new RawQuestion(qNumber, qLine, usable, split.prompt(), split.options(), prediction, predictLine,
                    body);
        }

        /**
         * The statement of a true/false question without its marker, which may open the question (as text, bold
         * or emphasis) or close it; empty when the question has no marker.
         */
        private static Optional<List<Inline>> trueFalseStatement(List<Inline> flat) {
            List<Inline> runs = new ArrayList<>(trim(flat));
            if (runs.isEmpty()) {
                return Optional.empty();
            }
            if (runs.getFirst() instanceof Inline.Text first) {
                Matcher m = TRUE_FALSE.matcher(first.text());
                if (m.lookingAt()) {
                    runs.set(0, new Inline.Text(first.text().substring(m.end())));
                    return Optional.of(trim(runs));
                }
            } else if (isTrueFalseMarker(runs.getFirst())) {
                runs.removeFirst();
                if (!runs.isEmpty() && runs.getFirst() instanceof Inline.Text next) {
                    Matcher m = MARKER_PUNCTUATION.matcher(next.text());
                    runs.set(0, new Inline.Text(m.lookingAt() ? next.text().substring(m.end()) : next.text()));
                }
                return Optional.of(trim(runs));
            }
            if (runs.getLast() instanceof Inline.Text last) {
                Matcher m = TRAILING_TRUE_FALSE.matcher(last.text());
                if (m.find()) {
                    runs.set(runs.size() - 1, new Inline.Text(last.text().substring(0, m.start())));
                    return Optional.of(trim(runs));
                }
            } else if (isTrueFalseMarker(runs.getLast())) {
                runs.removeLast();
                return Optional.of(trim(runs));
            }
            return Optional.empty();
        }

        private static boolean isTrueFalseMarker(Inline run) {
            return (run instanceof Inline.Strong || run instanceof Inline.Emphasis)
                    && TRUE_FALSE.matcher(Inline.plainText(List.of(run))).matches();
        }

        private static boolean isOptionList(org.commonmark.node.ListBlock list) {
            Node item = list.getFirstChild();
            if (item == null || !(item.getFirstChild() instanceof org.commonmark.node.Paragraph p)
                    || !(p.getFirstChild() instanceof Text text)) {
                return false;
            }
            return OPTION_LIST.matcher(text.getLiteral()).matches();
        }

        private static void appendLine(List<Inline> flat, List<Inline> runs) {
            if (!flat.isEmpty()) {
                flat.add(new Inline.Break(false));
            }
            flat.addAll(runs);
        }

        private RawAnswer answer(ListItem item, Src src, int aNumber, int depth) {
            int aLine = src.line(item);
            List<Inline> runs = new ArrayList<>();
            for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof org.commonmark.node.Paragraph p) {
                    appendLine(runs, inlines(p, src, depth + 1, null));
                }
            }
            runs = trim(runs);
            List<Inline> note = stripLeading(runs, LEADING_DASH);
            if (!runs.isEmpty() && runs.getFirst() instanceof Inline.Strong strong) {
                return new RawAnswer(aNumber, aLine, Optional.of(Inline.plainText(strong.children())), true,
                        stripLeading(runs.subList(1, runs.size()), ANSWER_TAIL), note);
            }
            // "Answer: **b** – …" or "The statement is **true**.": a bold letter or True/False inside the text.
            for (int i = 0; i < runs.size(); i++) {
                if (runs.get(i) instanceof Inline.Strong strong
                        && ANSWER_TOKEN.matcher(Inline.plainText(strong.children())).matches()) {
                    return new RawAnswer(aNumber, aLine, Optional.of(Inline.plainText(strong.children())), false,
                            stripLeading(runs.subList(i + 1, runs.size()), ANSWER_TAIL), note);
                }
            }
            return new RawAnswer(aNumber, aLine, Optional.empty(), false, note, note);
        }

        /** The runs without what {@code pattern} matches at the start of the first one. */
        private static List<Inline> stripLeading(List<Inline> runs, Pattern pattern) {
            List<Inline> out = new ArrayList<>(runs);
            if (!out.isEmpty() && out.getFirst() instanceof Inline.Text text) {
                Matcher m = pattern.matcher(text.text());
                if (m.lookingAt()) {
                    out.set(0, new Inline.Text(text.text().substring(m.end())));
                }
            }
            return trim(out);
        }

        private List<Question> mergeAnswers() {
            Map<Integer, RawQuestion> byNumber = new LinkedHashMap<>();
            for (RawQuestion q : questions) {
                RawQuestion first = byNumber.putIfAbsent(q.number(), q);
                if (first != null) {
                    report(q.line(), "duplicate question number " + q.number() + " (first at line " + first.line()
                            + ")");
                }
            }
            Map<Integer, RawAnswer> key = new HashMap<>();
            for (RawAnswer a : answers) {
                RawAnswer first = key.putIfAbsent(a.number(), a);
                if (first != null) {
                    report(a.line(), "answer key has a second answer for question " + a.number()
                            + " (first at line " + first.line() + ")");
                } else if (!byNumber.containsKey(a.number())) {
                    report(a.line(), "answer key has an answer for question " + a.number() + ", but there is no question "
                            + a.number());
                }
            }
            List<Question> result = new ArrayList<>();
            for (RawQuestion q : byNumber.values()) {
                if (q.kind().isEmpty()) {
                    continue;
                }
                RawAnswer a = key.get(q.number());
                Question.Kind kind = q.kind().get();
                Optional<String> answer = Optional.empty();
                List<Inline> explanation = a == null ? List.of() : a.explanation();
                if (kind == Question.Kind.PREDICT) {
                    if (a != null && a.leading()) {
                        report(a.line(), "question " + q.number() + " is a predict question: its answer comes from"
                                + " running the code, so the answer key must not name one");
                    } else if (a != null) {
                        explanation = a.whole();
                    }
                } else if (a == null) {
                    report(q.line(), "question " + q.number() + " has no answer in the answer key");
                    continue;
                } else if (a.answer().isEmpty()) {
                    report(a.line(), "answer key entry " + a.number() + " has no bold answer (expected \""
                            + a.number() + ". **b**.\")");
                    continue;
                } else {
                    String written = a.answer().get();
                    answer = answerFor(q, kind, normalizeAnswer(written));
                    Matcher more = ANSWER_WITH_TEXT.matcher(Inline.collapse(written));
                    if (answer.isEmpty() && more.matches()) {
                        // "**b – because …**": the bold runs on into the explanation.
                        answer = answerFor(q, kind, normalizeAnswer(more.group(1)));
                        explanation = answer.isEmpty() ? explanation
                                : boldExplanation(q, answer.get(), more.group(2), explanation);
                    }
                    if (answer.isEmpty() && kind == Question.Kind.TRUE_FALSE) {
                        report(a.line(), "answer key gives '" + written.strip() + "' for true/false question "
                                + q.number() + " (expected True or False)");
                        continue;
                    } else if (answer.isEmpty()) {
                        report(a.line(), "answer key names option '" + written.strip() + "' for question "
                                + q.number() + ", which has options "
                                + String.join(", ", q.options().stream().map(Option::letter).toList()));
                        continue;
                    }
                }
                result.add(new Question(q.number(), q.line(), kind, q.prompt(), q.options(), answer, explanation,
                        q.prediction(), q.body()));
            }
            return result;
        }

        /** Predict questions run the animated block; their knob settings must exist there. */
        private List<Question> checkPredictions(List<Question> quiz) {
            Map<Integer, Integer> predictLines = new HashMap<>();
            questions.forEach(r -> predictLines.putIfAbsent(r.number(), r.predictLine()));
            List<Question> kept = new ArrayList<>();
            for (Question q : quiz) {
                if (q.prediction().isEmpty()) {
                    kept.add(q);
                    continue;
                }
                int at = predictLines.getOrDefault(q.number(), q.line());
                if (animated == null) {
                    report(at, "predict question " + q.number() + " needs an animated code block in lesson " + number
                            + " (mark one with <!-- loopscope: animate view=… -->)");
                    continue;
                }
                Animation animation = animated.animation().orElseThrow();
                boolean ok = true;
                for (var entry : new TreeMap<>(q.prediction().get().knobValues()).entrySet()) {
                    Optional<Knob> knob = animation.knob(entry.getKey());
                    if (knob.isEmpty()) {
                        report(at, "predict question " + q.number() + " sets knob '" + entry.getKey()
                                + "', but the animated code block has no such knob");
                        ok = false;
                    } else if (knob.get().rejects(entry.getValue()).isPresent()) {
                        report(at, "predict question " + q.number() + ": " + knob.get().rejects(entry.getValue()).get());
                        ok = false;
                    }
                }
                if (ok) {
                    kept.add(q);
                }
            }
            return kept;
        }

        Lesson finish() {
            if (held != null) {
                codeBlock(held.node(), held.src());
                held = null;
            }
            flushPending();
            questionSources.forEach(source -> questions.add(question(source)));
            List<Integer> unclosed = new ArrayList<>(openDetails);
            Collections.reverse(unclosed);
            for (int at : unclosed) {
                report(at, "<details> is never closed");
            }
            if (quizIndex >= 0 && questions.isEmpty() && answers.isEmpty()) {
                report(quizLine, "the quick check of lesson " + number + " has no questions (expected a numbered"
                        + " list: \"1. Question?\")");
            }
            if (quizIndex >= 0) {
                blocks.add(quizIndex, new Quiz(quizLine, checkPredictions(mergeAnswers())));
            }
            return new Lesson(number, title, file, line, blocks);
        }
    }

    /** The answer as stored ("b", "true"), if the question accepts what the key wrote. */
    private static Optional<String> answerFor(RawQuestion q, Question.Kind kind, String given) {
        if (kind == Question.Kind.TRUE_FALSE) {
            return switch (given) {
                case "true", "t" -> Optional.of("true");
                case "false", "f" -> Optional.of("false");
                default -> Optional.empty();
            };
        }
        return q.options().stream().map(Option::letter).filter(given::equals).findFirst();
    }

    /** Text after the answer inside the bold explains it, unless it only repeats the option ("**b. threads**"). */
    private static List<Inline> boldExplanation(RawQuestion q, String answer, String text, List<Inline> after) {
        String repeated = q.options().stream().filter(o -> o.letter().equals(answer)).findFirst()
                .map(Option::text).orElse("");
        if (withoutFinalStop(text).equalsIgnoreCase(withoutFinalStop(repeated))) {
            return after;
        }
        List<Inline> explanation = new ArrayList<>();
        explanation.add(new Inline.Text(after.isEmpty() ? text : text + " "));
        explanation.addAll(after);
        return explanation;
    }

    private static String withoutFinalStop(String text) {
        return Inline.collapse(text).replaceFirst("[.:;,]+$", "");
    }

    private static String normalizeAnswer(String bold) {
        String a = Inline.collapse(bold).toLowerCase(Locale.ROOT);
        a = a.replaceAll("^\\(+", "").replaceAll("[.:)]+$", "");
        return a.strip();
    }

    private record OptionSplit(List<Inline> prompt, List<Option> options) {}

    /**
     * Finds options "a. …   b. …" in a question's runs. An option starts at the beginning of a line or after two
     * or more spaces, and must carry the next letter in order, so ordinary prose is never cut into options.
     */
    private static OptionSplit splitOptions(List<Inline> flat) {
        OptionSplit strict = splitOptions(flat, false);
        if (strict.options().size() > 1) {
            return strict;
        }
        OptionSplit loose = splitOptions(flat, true);
        return loose.options().size() > 1 ? loose : strict;
    }

    /**
     * Strictly, an option starts at the beginning of a line or after two spaces or a tab. Loosely, the first
     * option may also follow the question's "?" or ":" after one space, and the next ones any space.
     */
    private static OptionSplit splitOptions(List<Inline> flat, boolean loose) {
        List<Inline> prompt = new ArrayList<>();
        List<String> letters = new ArrayList<>();
        List<List<Inline>> bodies = new ArrayList<>();
        boolean lineStart = true;
        for (Inline run : flat) {
            List<Inline> target = bodies.isEmpty() ? prompt : bodies.getLast();
            if (run instanceof Inline.Break) {
                target.add(run);
                lineStart = true;
                continue;
            }
            if (!(run instanceof Inline.Text text)) {
                Optional<String> mark = boldOptionMark(run, letters);
                if (mark.isPresent() && (lineStart || optionMayFollow(target, loose, letters.isEmpty()))) {
                    letters.add(mark.get());
                    bodies.add(new ArrayList<>());
                } else {
                    target.add(run);
                }
                lineStart = false;
                continue;
            }
            String s = text.text();
            int pos = 0;
            while (true) {
                Matcher m = nextOption(s, pos, lineStart && pos == 0, letters, loose);
                if (m == null) {
                    target.add(new Inline.Text(s.substring(pos)));
                    break;
                }
                target.add(new Inline.Text(s.substring(pos, m.start())));
                letters.add(m.group(1).toLowerCase(Locale.ROOT));
                bodies.add(new ArrayList<>());
                target = bodies.getLast();
                pos = m.end();
            }
            lineStart = false;
        }
        List<Option> options = new ArrayList<>();
        for (int i = 0; i < letters.size(); i++) {
            options.add(new Option(letters.get(i), trim(bodies.get(i))));
        }
        return new OptionSplit(trim(prompt), options);
    }

    /** The letter of a bold or emphasized "a." that is the next option's letter. */
    private static Optional<String> boldOptionMark(Inline run, List<String> letters) {
        if (!(run instanceof Inline.Strong || run instanceof Inline.Emphasis)) {
            return Optional.empty();
        }
        char expected = letters.isEmpty() ? 'a' : (char) (letters.getLast().charAt(0) + 1);
        Matcher m = OPTION_MARK_ONLY.matcher(Inline.plainText(List.of(run)));
        return m.matches() && Character.toLowerCase(m.group(1).charAt(0)) == expected
                ? Optional.of(String.valueOf(expected)) : Optional.empty();
    }

    /** Whether the runs so far end the way text before an option inside a line must end. */
    private static boolean optionMayFollow(List<Inline> before, boolean loose, boolean first) {
        if (before.isEmpty() || !(before.getLast() instanceof Inline.Text text)) {
            return false;
        }
        Pattern end = !loose ? BEFORE_OPTION : first ? BEFORE_LOOSE_FIRST_OPTION : BEFORE_LOOSE_OPTION;
        return end.matcher(text.text()).find();
    }

    private static Matcher nextOption(String s, int pos, boolean atLineStart, List<String> letters, boolean loose) {
        char expected = letters.isEmpty() ? 'a' : (char) (letters.getLast().charAt(0) + 1);
        if (atLineStart) {
            Matcher m = LINE_OPTION.matcher(s);
            if (m.lookingAt() && Character.toLowerCase(m.group(1).charAt(0)) == expected) {
                return m;
            }
        }
        Pattern mid = !loose ? MID_OPTION : letters.isEmpty() ? LOOSE_FIRST_OPTION : LOOSE_NEXT_OPTION;
        Matcher m = mid.matcher(s);
        int from = pos;
        while (from < s.length() && m.find(from)) {
            if (Character.toLowerCase(m.group(1).charAt(0)) == expected) {
                return m;
            }
            from = m.start() + 1;
        }
        return null;
    }

    /** Drops leading and trailing breaks and whitespace, and empty text runs. */
    private static List<Inline> trim(List<Inline> runs) {
        List<Inline> out = new ArrayList<>();
        for (Inline run : runs) {
            if (!(run instanceof Inline.Text t && t.text().isEmpty())) {
                out.add(run);
            }
        }
        while (!out.isEmpty() && blank(out.getFirst())) {
            out.removeFirst();
        }
        while (!out.isEmpty() && blank(out.getLast())) {
            out.removeLast();
        }
        if (!out.isEmpty() && out.getFirst() instanceof Inline.Text t) {
            String text = t.text();
            int start = 0;
            while (start < text.length() && isSpace(text.charAt(start))) {
                start++;
            }
            out.set(0, new Inline.Text(text.substring(start)));
        }
        if (!out.isEmpty() && out.getLast() instanceof Inline.Text t) {
            String text = t.text();
            int end = text.length();
            while (end > 0 && isSpace(text.charAt(end - 1))) {
                end--;
            }
            out.set(out.size() - 1, new Inline.Text(text.substring(0, end)));
        }
        return out;
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean blank(Inline run) {
        return run instanceof Inline.Break || (run instanceof Inline.Text t && Inline.collapse(t.text()).isEmpty());
    }

    // ---------------------------------------------------------------- blocks and inlines

    private Optional<Block> convert(Node node, Src src, int depth) {
        int line = src.line(node);
        if (tooDeep(depth, line)) {
            return Optional.empty();
        }
        return switch (node) {
            case org.commonmark.node.Paragraph p -> Optional.of(new Paragraph(line, inlines(p, src, depth, null)));
            case org.commonmark.node.Heading h ->
                    Optional.of(new Heading(line, h.getLevel(), inlines(h, src, depth, null)));
            case FencedCodeBlock f -> {
                String info = f.getInfo() == null ? "" : f.getInfo().strip();
                List<String> words = info.isEmpty() ? List.of() : List.of(info.split(SPACE + "+"));
                if (words.size() > 1) {
                    report(line, "only a code block at the top level of a lesson can have options such as '"
                            + words.get(1) + "'");
                }
                yield Optional.of(plainCode(f, words.isEmpty() ? "" : words.getFirst(), literal(f), line, line + 1));
            }
            case IndentedCodeBlock c -> Optional.of(plainCode(c, "", literal(c), line, line));
            case TableBlock t -> Optional.of(table(t, src, depth));
            case org.commonmark.node.ListBlock list -> Optional.of(list(list, src, depth));
            case BlockQuote quote -> Optional.of(new Quote(line, children(quote, src, depth + 1)));
            case HtmlBlock html -> {
                if (Directive.mentions(html.getLiteral() == null ? "" : html.getLiteral())) {
                    report(line, "loopscope directives belong at the top level of a lesson, not nested in other blocks");
                }
                yield Optional.empty();
            }
            default -> Optional.empty();
        };
    }

    private List<Block> children(Node parent, Src src, int depth) {
        List<Block> blocks = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            convert(child, src, depth).ifPresent(blocks::add);
        }
        return blocks;
    }

    private static String literal(Node node) {
        String literal = switch (node) {
            case FencedCodeBlock f -> f.getLiteral();
            case IndentedCodeBlock c -> c.getLiteral();
            default -> "";
        };
        return literal == null ? "" : literal;
    }

    private static Block plainCode(Node node, String language, String code, int line, int firstCodeLine) {
        if (node instanceof FencedCodeBlock && (language.isEmpty() || language.equals("text") || language.equals("txt"))) {
            CodeBlock source = new CodeBlock(line, language, code, firstCodeLine, Optional.empty());
            Optional<DecisionTree> tree = decisionTree(code, firstCodeLine, source);
            if (tree.isPresent()) {
                return new DecisionTree(line, tree.get().title(), tree.get().branches(), source);
            }
            return source;
        }
        return new CodeBlock(line, language, code, firstCodeLine, Optional.empty());
    }

    /** A text block is a decision tree when every line but an optional title is a chain of arrows. */
    private static Optional<DecisionTree> decisionTree(String code, int firstCodeLine, CodeBlock source) {
        List<String> lines = code.lines().toList();
        Optional<String> title = Optional.empty();
        List<DecisionTree.Branch> branches = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            if (text.isBlank()) {
                continue;
            }
            if (!ARROW.matcher(text).find()) {
                if (title.isEmpty() && branches.isEmpty()) {
                    title = Optional.of(Inline.collapse(text));
                    continue;
                }
                return Optional.empty();
            }
            List<String> nodes = ARROW.splitAsStream(text).map(Inline::collapse).filter(s -> !s.isEmpty()).toList();
            branches.add(new DecisionTree.Branch(firstCodeLine + i, nodes));
        }
        return branches.isEmpty() ? Optional.empty() : Optional.of(new DecisionTree(source.line(), title, branches, source));
    }

    private Table table(TableBlock table, Src src, int depth) {
        List<Table.Cell> header = new ArrayList<>();
        List<List<Table.Cell>> rows = new ArrayList<>();
        for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
            for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
                if (!(row instanceof TableRow)) {
                    continue;
                }
                List<Table.Cell> cells = new ArrayList<>();
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (cell instanceof TableCell) {
                        cells.add(new Table.Cell(inlines(cell, src, depth + 1, null)));
                    }
                }
                if (part instanceof TableHead && header.isEmpty()) {
                    header = cells;
                } else if (part instanceof TableBody) {
                    rows.add(cells);
                }
            }
        }
        return new Table(src.line(table), header, rows);
    }

    private ListBlock list(org.commonmark.node.ListBlock list, Src src, int depth) {
        boolean ordered = list instanceof OrderedList;
        int start = list instanceof OrderedList o && o.getMarkerStartNumber() != null ? o.getMarkerStartNumber() : 1;
        List<ListBlock.Item> items = new ArrayList<>();
        for (Node child = list.getFirstChild(); child != null; child = child.getNext()) {
            if (!(child instanceof ListItem item)) {
                continue;
            }
            List<Inline> text = List.of();
            List<Block> rest = new ArrayList<>();
            for (Node part = item.getFirstChild(); part != null; part = part.getNext()) {
                if (part == item.getFirstChild() && part instanceof org.commonmark.node.Paragraph p) {
                    text = inlines(p, src, depth + 1, null);
                } else {
                    convert(part, src, depth + 1).ifPresent(rest::add);
                }
            }
            items.add(new ListBlock.Item(src.line(item), text, rest));
        }
        return new ListBlock(src.line(list), ordered, start, items);
    }

    /**
     * The inline runs of a node. Loopscope comments found inline go to {@code directives} when the caller accepts
     * them (questions do), and are reported as misplaced otherwise.
     */
    private List<Inline> inlines(Node parent, Src src, int depth, List<Directive> directives) {
        List<Inline> runs = new ArrayList<>();
        if (tooDeep(depth, src.line(parent))) {
            return runs;
        }
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            switch (child) {
                case Text t -> addText(runs, t.getLiteral());
                case Code c -> runs.add(new Inline.Code(c.getLiteral()));
                case Emphasis e -> runs.add(new Inline.Emphasis(inlines(e, src, depth + 1, directives)));
                case StrongEmphasis s -> runs.add(new Inline.Strong(inlines(s, src, depth + 1, directives)));
                case Link l -> runs.add(new Inline.Link(nonNull(l.getDestination()),
                        inlines(l, src, depth + 1, directives)));
                case Image i -> runs.add(new Inline.Link(nonNull(i.getDestination()),
                        inlines(i, src, depth + 1, directives)));
                case SoftLineBreak b -> runs.add(new Inline.Break(false));
                case HardLineBreak b -> runs.add(new Inline.Break(true));
                case HtmlInline html -> {
                    String literal = nonNull(html.getLiteral());
                    if (Directive.mentions(literal)) {
                        List<Directive> parsed = Directive.parse(literal, src.line(html), this::report);
                        if (directives != null) {
                            directives.addAll(parsed);
                        } else {
                            parsed.forEach(d -> report(d.line(), "'" + d.name()
                                    + "' must stand on its own lines, not inside text"));
                        }
                    } else if (BR.matcher(literal).matches()) {
                        runs.add(new Inline.Break(true));
                    }
                }
                default -> runs.addAll(inlines(child, src, depth + 1, directives));
            }
        }
        return runs;
    }

    /** The text of a node's inlines without markup, read without looking at directives. */
    private static String literalText(Node parent) {
        StringBuilder text = new StringBuilder();
        appendLiteralText(parent, text, 0);
        return text.toString();
    }

    private static void appendLiteralText(Node parent, StringBuilder text, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            switch (child) {
                case Text t -> text.append(nonNull(t.getLiteral()));
                case Code c -> text.append(nonNull(c.getLiteral()));
                case SoftLineBreak b -> text.append(' ');
                case HardLineBreak b -> text.append(' ');
                case HtmlInline html -> text.append(' ');
                default -> appendLiteralText(child, text, depth + 1);
            }
            if (text.length() > 200) {
                return;
            }
        }
    }

    /** Commonmark splits text at characters that might have been markup; joined runs read as the author wrote them. */
    private static void addText(List<Inline> runs, String text) {
        if (!runs.isEmpty() && runs.getLast() instanceof Inline.Text previous) {
            runs.set(runs.size() - 1, new Inline.Text(previous.text() + nonNull(text)));
        } else {
            runs.add(new Inline.Text(nonNull(text)));
        }
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
