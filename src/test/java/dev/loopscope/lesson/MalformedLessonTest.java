package dev.loopscope.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of malformed input gives problems at exact lines, all at once, and never an exception. */
class MalformedLessonTest {

    private static final Path FILE = Path.of("bad.md");

    /** A valid lesson; the tests break one thing at a time. Line numbers are in the comments. */
    private static final String VALID = """
            ## 1. Title
            
            Text.
            
            ```python
            print('hi')
            ```
            
            ### Quick check
            
            1. Pick one:
              a. yes   b. no
            
            2. True / False It is.
            
            <details><summary>Answer key</summary>
            
            1. **a**.
            2. **True**.
            
            </details>
            """;
    // Lines: 1 heading, 5 fence, 9 quick check, 11 question 1, 14 question 2, 16 <details>, 18-19 key, 21 </details>.

    private static Course read(String text) {
        return new LessonImporter().importText(FILE, text);
    }

    private static List<String> problems(String text) {
        return read(text).problems().stream().map(Problem::toString).toList();
    }

    @Test
    void theBaseLessonIsValid() {
        Course course = read(VALID);
        assertThat(course.problems()).isEmpty();
        assertThat(course.lessons().getFirst().questions()).hasSize(2);
    }

    @Test
    void answerNamingAMissingOption() {
        Course course = read(VALID.replace("1. **a**.", "1. **c**."));
        assertThat(course.problems()).extracting(Problem::toString)
                .containsExactly("bad.md:18: answer key names option 'c' for question 1, which has options a, b");
        assertThat(course.lessons().getFirst().questions()).extracting(Question::number).containsExactly(2);
    }

    @Test
    void questionWithoutAnswer() {
        assertThat(problems(VALID.replace("2. **True**.\n", "")))
                .containsExactly("bad.md:14: question 2 has no answer in the answer key");
    }

    @Test
    void answerForAQuestionThatDoesNotExist() {
        assertThat(problems(VALID.replace("2. **True**.\n", "2. **True**.\n3. **a**.\n")))
                .containsExactly("bad.md:20: answer key has an answer for question 3, but there is no question 3");
    }

    @Test
    void answerWithoutBoldAndTrueFalseAnswerThatIsNotABoolean() {
        assertThat(problems(VALID.replace("1. **a**.", "1. a.").replace("2. **True**.", "2. **b**.")))
                .containsExactly(
                        "bad.md:18: answer key entry 1 has no bold answer (expected \"1. **b**.\")",
                        "bad.md:19: answer key gives 'b' for true/false question 2 (expected True or False)");
    }

    @Test
    void questionWithoutOptions() {
        assertThat(problems(VALID.replace("  a. yes   b. no\n", "")))
                .containsExactly("bad.md:11: question 1 has no options (expected \"a. …   b. …\" or \"True / False\")");
    }

    @Test
    void duplicateQuestionNumber() {
        // The second question starts a list of its own, so its "1." is not Markdown counting for the author.
        assertThat(problems(VALID.replace("\n\n2. True / False", "\n\nSome text.\n\n1. True / False")))
                .containsExactly("bad.md:16: duplicate question number 1 (first at line 11)",
                        "bad.md:21: answer key has an answer for question 2, but there is no question 2");
    }

    @Test
    void sectionWithoutANumber() {
        Course course = read("## Introduction\n\nSome text.\n\n" + VALID);
        assertThat(course.problems()).extracting(Problem::toString).containsExactly(
                "bad.md:1: section \"Introduction\" has no lesson number (expected a heading like \"## 9. Title\")");
        assertThat(course.lessons()).extracting(Lesson::number).containsExactly("1");
    }

    @Test
    void lessonWithoutTitle() {
        assertThat(problems(VALID.replace("## 1. Title", "## 1.")))
                .containsExactly("bad.md:1: lesson 1 has no title");
    }

    @Test
    void unclosedDetails() {
        assertThat(problems(VALID.replace("</details>\n", "")))
                .containsExactly("bad.md:16: <details> is never closed");
    }

    @Test
    void closingDetailsWithoutOpening() {
        assertThat(problems(VALID + "\n</details>\n"))
                .containsExactly("bad.md:23: </details> without a matching <details>");
    }

    @Test
    void unclosedDetailsInOneLessonDoesNotSpillIntoTheNext() {
        String two = VALID.replace("</details>\n", "") + "\n" + VALID.replace("## 1. Title", "## 2. Next");
        Course course = read(two);
        assertThat(course.problems()).extracting(Problem::toString)
                .containsExactly("bad.md:16: <details> is never closed");
        assertThat(course.lessons()).extracting(l -> l.questions().size()).containsExactly(2, 2);
    }

    @Test
    void notUtf8ReportsTheLineOfTheFirstBadByte() {
        byte[] text = "## 1. Title\n\nText \u00e9.\nA bad \u0000 byte here\n".getBytes(StandardCharsets.UTF_8);
        int nul = indexOf(text, (byte) 0);
        text[nul] = (byte) 0xFF;
        Course course = new LessonImporter().importBytes(FILE, text);
        assertThat(course.problems()).extracting(Problem::toString)
                .containsExactly("bad.md:4: file is not valid UTF-8 (byte 0xFF); save it as UTF-8");
        // The rest of the file still loads, the bad byte read as U+FFFD.
        assertThat(course.lessons()).extracting(Lesson::title).containsExactly("Title");
    }

    @Test
    void notUtf8IsReportedOnEveryLineAlongWithTheOtherProblems() {
        String broken = VALID.replace("Text.", "Text \u0000.").replace("It is.", "It \u0000 is.")
                .replace("1. **a**.", "1. **c**.");
        byte[] text = broken.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < text.length; i++) {
            if (text[i] == 0) {
                text[i] = (byte) 0xE9;
            }
        }
        Course course = new LessonImporter().importBytes(FILE, text);
        assertThat(course.problems()).extracting(Problem::toString).containsExactly(
                "bad.md:3: file is not valid UTF-8 (byte 0xE9); save it as UTF-8",
                "bad.md:14: file is not valid UTF-8 (byte 0xE9); save it as UTF-8",
                "bad.md:18: answer key names option 'c' for question 1, which has options a, b");
        assertThat(course.lessons().getFirst().questions()).extracting(Question::promptText)
                .containsExactly("It \uFFFD is.");
    }

    @Test
    void aFileInAnotherEncodingIsSummedUpAfterTenLines() {
        StringBuilder text = new StringBuilder("## 1. Caf\u00e9s\n");
        for (int i = 0; i < 30; i++) {
            text.append("\nna\u00efve \u00e9t\u00e9\n");
        }
        Course course = new LessonImporter().importBytes(FILE, text.toString().getBytes(StandardCharsets.ISO_8859_1));
        assertThat(course.problems()).hasSize(11);
        assertThat(course.problems().getLast()).hasToString(
                "bad.md:61: 21 more lines have bytes that are not UTF-8; the file is probably in another encoding");
        assertThat(course.lessons()).hasSize(1);
    }

    @Test
    void latin1FileIsNotUtf8(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("latin1.md");
        Files.write(file, "## 1. Caf\u00e9\n\nna\u00efve\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(new LessonImporter().importFile(file).problems()).extracting(Problem::toString)
                .containsExactly(file + ":1: file is not valid UTF-8 (byte 0xE9); save it as UTF-8",
                        file + ":3: file is not valid UTF-8 (byte 0xEF); save it as UTF-8");
    }

    @Test
    void emptyAndBlankFiles(@TempDir Path dir) throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.md"));
        assertThat(new LessonImporter().importFile(empty).problems()).extracting(Problem::toString)
                .containsExactly(empty + ":1: file is empty");
        assertThat(problems(" \n\n\t\n")).containsExactly("bad.md:1: file is empty");
    }

    @Test
    void textWithoutLessons() {
        assertThat(problems("# Course\n\nJust prose.\n"))
                .containsExactly("bad.md:1: no lessons found: a lesson starts with a heading like \"## 9. Title\"");
    }

    @Test
    void hugeFileIsRefusedBeforeItIsRead(@TempDir Path dir) throws IOException {
        Path huge = dir.resolve("huge.md");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(50L * 1024 * 1024);
        }
        new LessonImporter().importText(FILE, VALID);
        long started = System.nanoTime();
        Course course = new LessonImporter().importFile(huge);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(course.problems()).extracting(Problem::toString).containsExactly(
                huge + ":1: file is 52428800 bytes, more than the 5242880 bytes a lesson file may have");
        // Reading and parsing 50 MB takes seconds; refusing on the size alone takes milliseconds.
        assertThat(took).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void contentOverTheLimitIsRefusedToo() {
        Course course = new LessonImporter(100).importBytes(FILE, VALID.getBytes(StandardCharsets.UTF_8));
        assertThat(course.problems()).extracting(Problem::toString).containsExactly(
                "bad.md:1: file is " + VALID.getBytes(StandardCharsets.UTF_8).length
                        + " bytes, more than the 100 bytes a lesson file may have");
    }

    @Test
    void missingFileIsAProblemNotAnException() {
        Path missing = Path.of("no-such-dir", "missing.md");
        assertThat(new LessonImporter().importFile(missing).problems()).extracting(Problem::toString)
                .containsExactly(missing + ":1: cannot read file: no such file");
    }

    @Test
    void directoryGivenAsAFile(@TempDir Path dir) {
        assertThat(new LessonImporter().importFile(dir).problems()).extracting(Problem::toString)
                .containsExactly(dir + ":1: is a directory, not a lesson file");
    }

    @Test
    void duplicateLessonNumbersInOneFile() {
        Course course = read(VALID + "\n" + VALID.replace("## 1. Title", "## 1. Again"));
        assertThat(course.problems()).extracting(Problem::toString)
                .containsExactly("bad.md:23: duplicate lesson number 1 (first at line 1)");
        assertThat(course.lessons()).extracting(Lesson::title).containsExactly("Title");
    }

    @Test
    void duplicateLessonNumbersAcrossFiles(@TempDir Path dir) throws IOException {
        Path a = Files.writeString(dir.resolve("a.md"), VALID);
        Path b = Files.writeString(dir.resolve("b.md"), VALID.replace("## 1. Title", "## 2. Two") + "\n"
                + VALID.replace("## 1. Title", "## 1. Again"));
        Course course = new LessonImporter().importDirectory(dir);
        assertThat(course.problems()).extracting(Problem::toString)
                .containsExactly(b + ":23: duplicate lesson number 1 (first at a.md:1)");
        assertThat(course.lessons()).extracting(Lesson::number).containsExactly("1", "2");
        assertThat(course.lessons()).extracting(Lesson::source).containsExactly(a, b);
    }

    @Test
    void knobWhoseLiteralIsNotInTheCode() {
        String text = VALID.replace("```python\n", """
                <!-- loopscope: animate view=tasks
                knob toggle id=shout label="Shout" line=1 literal=True
                -->
                ```python
                """);
        Course course = read(text);
        assertThat(course.problems()).extracting(Problem::toString)
                .containsExactly("bad.md:6: knob 'shout': literal 'True' not found on line 1 of the code block");
        CodeBlock block = course.lessons().getFirst().animated().orElseThrow();
        assertThat(block.animation().orElseThrow().knobs()).isEmpty();
    }

    @Test
    void unknownDirectivesKindsAttributesAndViews() {
        String text = VALID.replace("```python\n", """
                <!-- loopscope: animate view=threads
                knob slider id=a label=A line=1 literal=1
                knob int id=b label=B line=1 literal='hi' min=1 max=3 colour=red
                explode now
                -->
                ```python
                """);
        assertThat(problems(text)).containsExactly(
                "bad.md:5: unknown lab view 'threads' (expected tasks, blocking or models)",
                "bad.md:6: unknown knob kind 'slider' (expected toggle, choice, int or float)",
                "bad.md:7: unknown attribute 'colour' in 'knob' (expected id, label, line, literal, values, min, max, step)",
                "bad.md:8: unknown loopscope directive 'explode' (expected animate, knob or predict)");
    }

    @Test
    void unknownCodeBlockOption() {
        assertThat(problems(VALID.replace("```python\n", "```python animate view=tasks loop=fast\n")))
                .containsExactly("bad.md:5: unknown code block option 'loop=fast' (expected animate or view=…)");
    }

    @Test
    void directivesThatAreNotFollowedByACodeBlock() {
        String text = VALID.replace("Text.\n", "<!-- loopscope: animate view=tasks -->\nText.\n");
        assertThat(problems(text)).containsExactly("bad.md:3: 'animate' must come right before a code block");
    }

    @Test
    void knobOnACodeBlockThatIsNotAnimated() {
        String text = VALID.replace("```python\n", "<!-- loopscope: knob toggle id=t label=T line=1 literal=x -->\n```python\n");
        assertThat(problems(text)).containsExactly(
                "bad.md:5: 'knob' is on a code block that is not animated (add 'animate view=…')");
    }

    @Test
    void predictOutsideAQuestionAndWithoutAnimatedCode() {
        String text = VALID.replace("Text.\n", "<!-- loopscope: predict -->\n\nText.\n")
                .replace("1. Pick one:", "1. Pick one: <!-- loopscope: predict output=second -->");
        assertThat(problems(text)).containsExactly(
                "bad.md:3: 'predict' belongs inside a quick check question",
                "bad.md:13: output=second is not all, first, last or a line number");
        String noAnimation = VALID.replace("1. Pick one:", "1. Pick one: <!-- loopscope: predict -->")
                .replace("1. **a**.", "1. – because.");
        assertThat(problems(noAnimation)).containsExactly(
                "bad.md:11: predict question 1 needs an animated code block in lesson 1 (mark one with"
                        + " <!-- loopscope: animate view=… -->)");
    }

    @Test
    void predictQuestionThatSetsAnUnknownKnobOrNamesAnAnswer() {
        String text = VALID.replace("```python\n", "```python animate view=models\n")
                .replace("1. Pick one:", "1. Pick one: <!-- loopscope: predict with.speed=2 -->");
        assertThat(problems(text)).containsExactly(
                "bad.md:11: predict question 1 sets knob 'speed', but the animated code block has no such knob",
                "bad.md:18: question 1 is a predict question: its answer comes from running the code, so the answer"
                        + " key must not name one");
    }

    @Test
    void secondAnimatedBlockInALesson() {
        String text = VALID.replace("```python\n", "```python animate view=tasks\n")
                .replace("### Quick check", "```python animate view=models\nprint(2)\n```\n\n### Quick check");
        assertThat(problems(text)).containsExactly(
                "bad.md:9: lesson 1 already animates the code block at line 5; a lesson animates one code block");
    }

    @Test
    void absurdNestingIsCutToText() {
        Course course = read(VALID.replace("Text.\n", "Text.\n\n" + "> ".repeat(40) + "deep\n"));
        assertThat(course.problems()).extracting(Problem::toString).containsExactly("bad.md:5: lists or quotes are"
                + " nested more than 32 levels deep on this line; the rest of it is read as text");
        Block quote = course.lessons().getFirst().blocks().get(1);
        for (int level = 1; level < 32; level++) {
            quote = ((Quote) quote).blocks().getFirst();
        }
        assertThat(((Quote) quote).blocks()).singleElement().isInstanceOfSatisfying(Paragraph.class,
                p -> assertThat(p.text()).isEqualTo("> ".repeat(8) + "deep"));
        assertThat(course.lessons().getFirst().questions()).hasSize(2);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String text = "## Intro\n\n" + VALID.replace("1. **a**.", "1. **z**.").replace("2. **True**.\n", "")
                + "\n## 1. Again\n";
        assertThat(problems(text)).containsExactly(
                "bad.md:1: section \"Intro\" has no lesson number (expected a heading like \"## 9. Title\")",
                "bad.md:16: question 2 has no answer in the answer key",
                "bad.md:20: answer key names option 'z' for question 1, which has options a, b",
                "bad.md:24: duplicate lesson number 1 (first at line 3)");
    }

    @Test
    void aBrokenLessonLeavesItsNeighboursIntact() {
        String nine = VALID.replace("## 1. Title", "## 9. Nine");
        String ten = VALID.replace("## 1. Title", "## 10. Ten");
        String eleven = VALID.replace("## 1. Title", "## 11. Eleven");
        Course good = read(nine + "\n" + ten + "\n" + eleven);
        Course bad = read(nine + "\n" + ten.replace("1. **a**.", "1. **q**.").replace("</details>", "") + "\n" + eleven);
        assertThat(good.problems()).isEmpty();
        assertThat(bad.problems()).hasSize(2);
        assertThat(bad.lesson("9")).isEqualTo(good.lesson("9"));
        assertThat(bad.lesson("11").orElseThrow().questions()).isEqualTo(good.lesson("11").orElseThrow().questions());
        assertThat(bad.lesson("10").orElseThrow().questions()).extracting(Question::number).containsExactly(2);
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        throw new AssertionError("byte not found");
    }
}
