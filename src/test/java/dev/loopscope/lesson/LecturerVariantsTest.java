package dev.loopscope.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Variations lecturers write without thinking about it, which read the way a person reads them. */
class LecturerVariantsTest {

    private static Course course(String text) {
        return new LessonImporter().importText(Path.of("v.md"), text);
    }

    private static List<Question> questions(String quiz) {
        Course course = course("## 1. Variants\n\n### Quick check\n\n" + quiz);
        assertThat(course.problems()).isEmpty();
        return course.lessons().getFirst().questions();
    }

    private static List<String> options(Question q) {
        return q.options().stream().map(o -> o.letter() + "=" + o.text()).toList();
    }

    @Test
    void lessonNumbersWrittenWithAParenthesisColonDashOrLessonWord() {
        Course course = course("""
                ## 3) Threads

                ## 4: Processes

                ## 5 – Event loops

                ## Lesson 6: Futures

                ## 7.1 Locks in depth

                ## 8.Queues
                """);
        assertThat(course.problems()).isEmpty();
        assertThat(course.lessons()).extracting(Lesson::number).containsExactly("3", "4", "5", "6", "7.1", "8");
        assertThat(course.lessons()).extracting(Lesson::title).containsExactly(
                "Threads", "Processes", "Event loops", "Futures", "Locks in depth", "Queues");
    }

    @Test
    void headingsThatOnlyLookNumberedStillNeedANumber() {
        Course course = course("## 2024-01-15 notes\n\nText.\n\n## 9. Fine\n");
        assertThat(course.problems()).extracting(Problem::toString).containsExactly(
                "v.md:1: section \"2024-01-15 notes\" has no lesson number (expected a heading like \"## 9. Title\")");
        assertThat(course.lessons()).extracting(Lesson::number).containsExactly("9");
    }

    @Test
    void trueFalseMarkersInParenthesesBoldWithOrAndAtTheEnd() {
        List<Question> qs = questions("""
                1. (True/False) The GIL is released during `time.sleep`.
                2. **True / False** Coroutines are functions.
                3. True or False: asyncio uses threads.
                4. Threads are cheap. True / False
                5. A task is a future. *(True/False)*
                6. [True / False] Processes share memory.

                <details><summary>Answer key</summary>

                1. **True**
                2. **False**
                3. **False** - single thread.
                4. **True**
                5. **T**
                6. **F**

                </details>
                """);
        assertThat(qs).extracting(Question::kind).containsOnly(Question.Kind.TRUE_FALSE);
        assertThat(qs).extracting(Question::promptText).containsExactly(
                "The GIL is released during time.sleep.", "Coroutines are functions.", "asyncio uses threads.",
                "Threads are cheap.", "A task is a future.", "Processes share memory.");
        assertThat(qs).extracting(q -> q.answer().orElseThrow())
                .containsExactly("true", "false", "false", "true", "true", "false");
    }

    @Test
    void optionsSeparatedByTabsOrAfterTheQuestionMark() {
        List<Question> qs = questions("""
                1. Which one?
                \ta. x\tb. y\tc. z
                2. Best tool for CPU-bound work: a. threads   b. processes
                3. Which pool? a) threads b) processes

                <details><summary>Answer key</summary>

                1. **c**
                2. **b**
                3. **a**

                </details>
                """);
        assertThat(options(qs.get(0))).containsExactly("a=x", "b=y", "c=z");
        assertThat(qs.get(1).promptText()).isEqualTo("Best tool for CPU-bound work:");
        assertThat(options(qs.get(1))).containsExactly("a=threads", "b=processes");
        assertThat(qs.get(2).promptText()).isEqualTo("Which pool?");
        assertThat(options(qs.get(2))).containsExactly("a=threads", "b=processes");
    }

    @Test
    void answersWithTheExplanationInsideTheBold() {
        List<Question> qs = questions("""
                1. Q one?
                  a. threads   b. processes
                2. True / False Two.
                3. Q three?
                  a. threads   b. processes
                4. Q four?
                  a. threads   b. processes

                <details><summary>Answer key</summary>

                1. **b – processes run in parallel.**
                2. **True — it is.**
                3. **b. processes**
                4. **(a) threads:** they share memory.

                </details>
                """);
        assertThat(qs).extracting(q -> q.answer().orElseThrow()).containsExactly("b", "true", "b", "a");
        assertThat(qs).extracting(q -> q.explanationText().orElse(null)).containsExactly(
                "processes run in parallel.", "it is.", null, "they share memory.");
    }

    @Test
    void answerKeyUnderAHeadingOrBoldLineWithoutDetails() {
        Course course = course("""
                ## 1. Plain keys

                ### Quick check

                1. Q?
                  a. x   b. y

                **Answer key**

                1. **b** – why.

                ## 2. Heading key

                ### Quick check

                1. True / False P.

                #### Answers

                1. **False**
                """);
        assertThat(course.problems()).isEmpty();
        assertThat(course.lessons().get(0).questions().getFirst().answer()).contains("b");
        assertThat(course.lessons().get(0).questions().getFirst().explanationText()).contains("why.");
        assertThat(course.lessons().get(1).questions().getFirst().answer()).contains("false");
    }

    @Test
    void listsNumberedOneOneOneCountAsMarkdownShowsThem() {
        List<Question> qs = questions("""
                1. First?
                   a. x   b. y

                1. Second?
                   a. x   b. y

                1. True / False Third.

                <details><summary>Answer key</summary>

                1. **a**
                1. **b** – second.
                1. **True**

                </details>
                """);
        assertThat(qs).extracting(Question::number).containsExactly(1, 2, 3);
        assertThat(qs).extracting(q -> q.answer().orElseThrow()).containsExactly("a", "b", "true");
        assertThat(qs.get(1).explanationText()).contains("second.");
    }

    @Test
    void frontMatterIsMetadataAndKeepsLineNumbers() {
        for (String eol : List.of("\n", "\r\n", "\r")) {
            Course course = course(String.join(eol, "---", "title: Concurrency", "tags:", "  - asyncio", "---", "",
                    "## 9. Tasks", "", "### Quick check", "", "1. Q?", "  a. x   b. y", ""));
            assertThat(course.problems()).extracting(Problem::toString)
                    .containsExactly("v.md:11: question 1 has no answer in the answer key");
            assertThat(course.lessons()).extracting(Lesson::line).containsExactly(7);
        }
        // A thematic break at the top followed by a lesson is not front matter.
        Course course = course("---\n\n## 9. Tasks\n\nText.\n\n---\n");
        assertThat(course.problems()).isEmpty();
        assertThat(course.lessons()).extracting(Lesson::number).containsExactly("9");
    }

    @Test
    void aQuickCheckWithoutQuestionsIsAProblemButNoQuickCheckIsFine() {
        Course course = course("""
                ## 1. Reading only

                Text.

                ## 2. Quiz to come

                ### Quick check

                - Which pool does `run_in_executor` use?
                """);
        assertThat(course.problems()).extracting(Problem::toString).containsExactly(
                "v.md:7: the quick check of lesson 2 has no questions (expected a numbered list: \"1. Question?\")");
        assertThat(course.lessons()).hasSize(2);
    }

    @Test
    void optionLettersInParenthesesOrInBold() {
        List<Question> qs = questions("""
                1. Which one?
                   (a) threads   (b) processes   (c) asyncio
                2. Which two?
                   (A) x
                   (B) y
                3. Which three?
                   **a.** threads   **b.** `processes`
                4. Which four? What does f(a) return?
                   *a)* x
                   *b)* y

                <details><summary>Answer key</summary>

                1. **(c)**
                2. **(b)** – y.
                3. **b**
                4. **a**

                </details>
                """);
        assertThat(qs).extracting(LecturerVariantsTest::options).containsExactly(
                List.of("a=threads", "b=processes", "c=asyncio"), List.of("a=x", "b=y"),
                List.of("a=threads", "b=processes"), List.of("a=x", "b=y"));
        assertThat(qs.get(3).promptText()).isEqualTo("Which four? What does f(a) return?");
        assertThat(qs).extracting(q -> q.answer().orElseThrow()).containsExactly("c", "b", "b", "a");
    }

    @Test
    void aBoldAnswerInsideASentence() {
        List<Question> qs = questions("""
                1. Which one?
                   a. threads   b. processes
                2. True / False Yes.

                <details><summary>Answer key</summary>

                1. Answer: **b** – processes run in parallel.
                2. The statement is **true**.

                </details>
                """);
        assertThat(qs).extracting(q -> q.answer().orElseThrow()).containsExactly("b", "true");
        assertThat(qs).extracting(q -> q.explanationText().orElse(null))
                .containsExactly("processes run in parallel.", null);
    }

    @Test
    void optionsAfterABlankLineBelongToTheQuestionAboveThem() {
        Course course = course("""
                ## 1. Variants

                ### Quick check

                1. Which pool does `run_in_executor` use?

                  a. a process pool   b. a thread pool

                2. Which one?

                a. x
                b. y

                3. True / False Threads share memory.

                <details><summary>Answer key</summary>

                1. **b**
                2. **a**
                3. **True**

                </details>
                """);
        assertThat(course.problems()).isEmpty();
        List<Question> qs = course.lessons().getFirst().questions();
        assertThat(qs).extracting(Question::number).containsExactly(1, 2, 3);
        assertThat(qs).extracting(LecturerVariantsTest::options).containsExactly(
                List.of("a=a process pool", "b=a thread pool"), List.of("a=x", "b=y"), List.of());
        assertThat(course.lessons().getFirst().blocks()).noneMatch(b -> b instanceof Paragraph);
    }

    @Test
    void aCodeBlockBetweenAQuestionAndItsOptionsIsPartOfTheQuestion() {
        Course course = course("""
                ## 1. Variants

                ```python
                print('lesson code')
                ```

                ### Quick check

                1. What does this print?

                ```python
                print(1 + 1)
                ```

                a. `1`   b. `2`

                2. True / False This prints 3.

                ```python
                print(3)
                ```

                <details><summary>Answer key</summary>

                1. **b**
                2. **True**

                </details>
                """);
        assertThat(course.problems()).isEmpty();
        Lesson lesson = course.lessons().getFirst();
        Question first = lesson.questions().getFirst();
        assertThat(options(first)).containsExactly("a=1", "b=2");
        assertThat(first.body()).singleElement().isInstanceOf(CodeBlock.class);
        assertThat(((CodeBlock) first.body().getFirst()).firstCodeLine()).isEqualTo(12);
        // Without options after it, a code block after a question stays where it is.
        assertThat(lesson.questions().get(1).body()).isEmpty();
        assertThat(lesson.codeBlocks()).extracting(CodeBlock::firstCodeLine).containsExactly(4, 12, 20);
    }
}
