package dev.loopscope.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files near the size limit built to make a naive reader slow (quadratic scans) or deep (stack overflow) still
 * import in bounded time, with problems at most.
 */
class HostileInputTest {

    private static final String QUIZ = "## 1. Hostile\n\n### Quick check\n\n";

    static Stream<Arguments> hostileFiles() {
        return Stream.of(
                Arguments.of("unclosed details tags", QUIZ + "<details " + "<details ".repeat(450_000)),
                Arguments.of("unclosed summary tags", QUIZ + "<details><summary>" + "<summary>x".repeat(350_000)),
                Arguments.of("unclosed comments", QUIZ + "<!-- loopscope: " + "<!-- loopscope ".repeat(250_000)),
                Arguments.of("many comments in one block", "## 1. T\n\n<div>\n" + "<!-- x -->\n".repeat(300_000)),
                Arguments.of("a long run of spaces in a question",
                        QUIZ + "1. q" + " ".repeat(3_000_000) + "x\n  a. y   b. z\n"),
                Arguments.of("many option markers", QUIZ + "1. q" + "   a. x".repeat(500_000) + "\n"),
                Arguments.of("many loose option markers", QUIZ + "1. q?" + " a. b. x".repeat(500_000) + "\n"),
                Arguments.of("a long run of spaces after true/false words",
                        QUIZ + "1. (true/false" + " ".repeat(2_000_000) + "x\n"),
                Arguments.of("many true/false words", QUIZ + "1. q " + "( true or false ".repeat(250_000) + "x\n"),
                Arguments.of("a long run of spaces before a bold option letter",
                        QUIZ + "1. q" + " ".repeat(2_000_000) + "**b.** x\n"),
                Arguments.of("long front matter", "---\n" + "key: value\n".repeat(400_000) + "---\n## 1. T\n"),
                Arguments.of("many lines that could start an answer key", QUIZ + "1. q\n  a. x   b. y\n\n"
                        + "**Answer**\n\n".repeat(300_000)),
                Arguments.of("deeply nested quotes", "## 1. T\n\n" + "> ".repeat(200_000) + "x\n"),
                Arguments.of("deeply nested lists", "## 1. T\n\n" + "- ".repeat(200_000) + "x\n"),
                Arguments.of("many nested emphasis", "## 1. T\n\n" + "*a _b ".repeat(300_000) + "\n"),
                Arguments.of("huge float knob numbers", "## 1. T\n\n<!-- loopscope: animate view=tasks\n"
                        + "knob float id=f label=F line=1 literal=1 min=0 max=1e999999999 step=1e-999999999\n-->\n"
                        + "```python\nsleep(1)\n```\n"),
                Arguments.of("many lessons", "## 1. T\n\ntext\n\n".repeat(200_000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileFiles")
    void importsInBoundedTime(String name, String text) {
        assertThat(text.length()).isLessThanOrEqualTo((int) LessonImporter.DEFAULT_MAX_BYTES);
        Course course = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> new LessonImporter().importText(Path.of("hostile.md"), text));
        assertThat(course.problems()).noneMatch(p -> p.message().startsWith("internal error"));
    }
}
