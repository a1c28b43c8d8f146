package dev.loopscope.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever an author's editor does to a valid lesson, the importer only ever answers with problems. */
class RandomEditsPropertiesTest {

    private static final Path FILE = Path.of("edited.md");
    private static final List<String> SOURCES = List.of(
            TestLessons.read(TestLessons.shared()), TestLessons.read(TestLessons.extended()));
    private static final List<String> FRAGMENTS = List.of(
            "<details>", "</details>", "<summary>Answer key</summary>", "<!--", "-->", "```", "```python animate",
            "<!-- loopscope: animate view=tasks -->", "<!-- loopscope: knob int id=n label=N line=1 literal=4 min=1 max=9 -->",
            "<!-- loopscope: predict output=last with.exceptions=True -->", "## 12. ", "## ", "### Quick check",
            "1. ", "2. **b**.", "a. ", "   b. ", "True / False ", "**", "`", " → ", "|---|", "> ", "    ", "\t",
            "\u2003", "\u2011", "\uFEFF", "\r\n", "\n\n", "é", "🙂");

    /** One edit of a text; positions are taken modulo the text's size, so every edit applies. */
    sealed interface Edit permits DeleteLine, DuplicateLine, SwapLines, Insert, Truncate {
        String apply(String text);
    }

    record DeleteLine(int at) implements Edit {
        public String apply(String text) {
            List<String> lines = lines(text);
            if (!lines.isEmpty()) {
                lines.remove(Math.floorMod(at, lines.size()));
            }
            return String.join("\n", lines);
        }
    }

    record DuplicateLine(int at) implements Edit {
        public String apply(String text) {
            List<String> lines = lines(text);
            if (!lines.isEmpty()) {
                int i = Math.floorMod(at, lines.size());
                lines.add(i, lines.get(i));
            }
            return String.join("\n", lines);
        }
    }

    record SwapLines(int a, int b) implements Edit {
        public String apply(String text) {
            List<String> lines = lines(text);
            if (!lines.isEmpty()) {
                Collections.swap(lines, Math.floorMod(a, lines.size()), Math.floorMod(b, lines.size()));
            }
            return String.join("\n", lines);
        }
    }

    record Insert(int at, String what) implements Edit {
        public String apply(String text) {
            int i = Math.floorMod(at, text.length() + 1);
            return text.substring(0, i) + what + text.substring(i);
        }
    }

    record Truncate(int at) implements Edit {
        public String apply(String text) {
            return text.substring(0, Math.floorMod(at, text.length() + 1));
        }
    }

    private static List<String> lines(String text) {
        return new ArrayList<>(List.of(text.split("\n", -1)));
    }

    @Provide
    Arbitrary<String> editedLessons() {
        Arbitrary<Integer> position = Arbitraries.integers().between(0, 1_000_000);
        Arbitrary<String> junk = Arbitraries.oneOf(
                Arbitraries.of(FRAGMENTS),
                Arbitraries.strings().withChars("`*_#<>!-[]()|→\n 0123456789abc./\\\"=").ofMaxLength(12),
                Arbitraries.strings().all().ofMaxLength(6));
        Arbitrary<Edit> edit = Arbitraries.oneOf(
                position.map(DeleteLine::new),
                position.map(DuplicateLine::new),
                Combinators.combine(position, position).as(SwapLines::new),
                Combinators.combine(position, junk).as(Insert::new),
                position.map(Truncate::new).injectDuplicates(0.1));
        return Combinators.combine(Arbitraries.of(SOURCES), edit.list().ofMinSize(1).ofMaxSize(10))
                .as((source, edits) -> {
                    String text = source;
                    for (Edit e : edits) {
                        text = e.apply(text);
                    }
                    return text;
                });
    }

    @Property(tries = 600)
    void randomEditsOnlyEverGiveProblems(@ForAll("editedLessons") String text) {
        Course course = new LessonImporter().importText(FILE, text);
        assertSound(course, text.split("\r\n|\r|\n", -1).length);
    }

    @Property(tries = 200)
    void randomBytesOnlyEverGiveProblems(@ForAll("editedLessons") String text,
            @ForAll("bytePositions") List<Integer> positions, @ForAll byte junk) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int p : positions) {
            if (bytes.length > 0) {
                bytes[Math.floorMod(p, bytes.length)] = junk;
            }
        }
        int lines = 1;
        for (byte b : bytes) {
            // A lone carriage return ends a line too, for commonmark as for old editors: count both as an upper bound.
            lines += b == '\n' || b == '\r' ? 1 : 0;
        }
        assertSound(new LessonImporter().importBytes(FILE, bytes), lines);
    }

    @Provide
    Arbitrary<List<Integer>> bytePositions() {
        return Arbitraries.integers().between(0, 1_000_000).list().ofMaxSize(3);
    }

    /** Problems point into the file, and everything that loaded is usable by the quiz. */
    private static void assertSound(Course course, int lineCount) {
        assertThat(course.problems()).allSatisfy(p -> {
            assertThat(p.message()).doesNotStartWith("internal error");
            assertThat(p.file()).isEqualTo(FILE);
            assertThat(p.line()).isBetween(1, Math.max(1, lineCount));
        });
        for (Lesson lesson : course.lessons()) {
            assertThat(lesson.number()).matches("\\d+(\\.\\d+)*");
            for (Question q : lesson.questions()) {
                switch (q.kind()) {
                    case CHOICE -> assertThat(q.option(q.answer().orElseThrow())).isPresent();
                    case TRUE_FALSE -> assertThat(q.answer().orElseThrow()).isIn("true", "false");
                    case PREDICT -> {
                        assertThat(q.answer()).isEmpty();
                        assertThat(q.prediction()).isPresent();
                        assertThat(lesson.animated()).isPresent();
                    }
                }
            }
            lesson.animated().ifPresent(block -> {
                Animation animation = block.animation().orElseThrow();
                assertThat(block.codeWith(animation.defaults())).isEqualTo(block.code());
            });
        }
    }

    @Property(tries = 300)
    void knobValuesRoundTrip(@ForAll("spinnerValues") long value) {
        String code = "tasks = [job(i) for i in range(4)]\n";
        Knob knob = new Knob("n", "Tasks", new Knob.IntegerSpinner(-50, 50, 1), 1, "4", 1);
        String changed = knob.apply(code, Long.toString(value));
        Knob back = new Knob("n", "Tasks", knob.control(), 1, Long.toString(value), 1);
        assertThat(changed).isEqualTo("tasks = [job(i) for i in range(" + value + ")]\n");
        assertThat(back.apply(changed, "4")).isEqualTo(code);
    }

    @Provide
    Arbitrary<Long> spinnerValues() {
        return Arbitraries.longs().between(-50, 50);
    }
}
