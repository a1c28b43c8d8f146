package dev.loopscope.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ways authors write questions and answer keys that the importer understands. */
class QuestionFormatsTest {

    private static Lesson lesson(String quiz) {
        Course course = new LessonImporter().importText(Path.of("q.md"), "## 1. Formats\n\n### Quick check\n\n" + quiz);
        assertThat(course.problems()).isEmpty();
        return course.lessons().getFirst();
    }

    private static List<String> options(Question q) {
        return q.options().stream().map(o -> o.letter() + "=" + o.text()).toList();
    }

    @Test
    void optionsOnTheirOwnLines() {
        Question q = lesson("""
                1. Which pool does `run_in_executor` use by default?
                   a. a process pool
                   b) a thread pool
                   c. no pool: it runs the function inline

                <details><summary>Answer key</summary>

                1. **b**
                </details>
                """).questions().getFirst();
        assertThat(q.promptText()).isEqualTo("Which pool does run_in_executor use by default?");
        assertThat(options(q)).containsExactly("a=a process pool", "b=a thread pool", "c=no pool: it runs the function inline");
        assertThat(q.answer()).contains("b");
    }

    @Test
    void optionsAsANestedList() {
        Question q = lesson("""
                1. What does `await task` do?
                   - a. waits for the task
                   - b. cancels the task

                <details><summary>Answer key</summary>

                1. **a** — it suspends until the task is done.

                </details>
                """).questions().getFirst();
        assertThat(options(q)).containsExactly("a=waits for the task", "b=cancels the task");
        assertThat(q.explanationText()).contains("it suspends until the task is done.");
    }

    @Test
    void optionsOnThePromptLineAndUpperCaseLetters() {
        Question q = lesson("""
                1. Pick the coroutine:   A. `def f()`   B. `async def f()`

                <details><summary>Answer key</summary>

                1. **(B)**. - defined with async def.

                </details>
                """).questions().getFirst();
        assertThat(q.promptText()).isEqualTo("Pick the coroutine:");
        assertThat(options(q)).containsExactly("a=def f()", "b=async def f()");
        assertThat(q.options().get(1).inlines()).containsExactly(new Inline.Code("async def f()"));
        assertThat(q.answer()).contains("b");
        assertThat(q.explanationText()).contains("defined with async def.");
    }

    @Test
    void singleSpacesDoNotSplitProse() {
        Question q = lesson("""
                1. Plan a. then b. then decide:
                  a. go   b. stay

                <details><summary>Answer key</summary>

                1. **a**.

                </details>
                """).questions().getFirst();
        assertThat(q.promptText()).isEqualTo("Plan a. then b. then decide:");
        assertThat(options(q)).containsExactly("a=go", "b=stay");
    }

    @Test
    void trueFalseMarkerVariants() {
        List<Question> questions = lesson("""
                1. True/False: threads share memory.
                2. true / false \u2014 a process has its own GIL.
                3. TRUE / FALSE\u2003Tasks run in parallel.

                <details>
                <summary>Answer key</summary>
                1. **True**
                2. **true** – each interpreter has one.
                3. **False**.
                </details>
                """).questions();
        assertThat(questions).extracting(Question::kind).containsOnly(Question.Kind.TRUE_FALSE);
        assertThat(questions).extracting(Question::promptText).containsExactly(
                "threads share memory.", "a process has its own GIL.", "Tasks run in parallel.");
        assertThat(questions).extracting(q -> q.answer().orElseThrow()).containsExactly("true", "true", "false");
        assertThat(questions.get(1).explanationText()).contains("each interpreter has one.");
    }

    @Test
    void explanationsKeepTheirInlineMarkup() {
        Question q = lesson("""
                1. True / False `gather` cancels the others on error.

                <details><summary>Answer key</summary>

                1. **False** – use a `TaskGroup` for *that*.

                </details>
                """).questions().getFirst();
        assertThat(q.explanation()).containsExactly(new Inline.Text("use a "), new Inline.Code("TaskGroup"),
                new Inline.Text(" for "), new Inline.Emphasis(List.of(new Inline.Text("that"))), new Inline.Text("."));
        assertThat(q.explanationText()).contains("use a TaskGroup for that.");
    }

    @Test
    void questionsMayCarryACodeSnippet() {
        Question q = lesson("""
                1. What does this print?

                   ```python
                   print(1 + 1)
                   ```

                   a. `2`   b. `11`

                <details><summary>Answer key</summary>

                1. **a**.

                </details>
                """).questions().getFirst();
        assertThat(options(q)).containsExactly("a=2", "b=11");
        assertThat(q.body()).singleElement().isInstanceOf(CodeBlock.class);
        assertThat(((CodeBlock) q.body().getFirst()).code()).isEqualTo("print(1 + 1)\n");
    }
}
