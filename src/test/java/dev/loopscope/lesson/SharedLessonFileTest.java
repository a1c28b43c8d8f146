package dev.loopscope.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The course file as the authors wrote it must import unchanged and exactly. */
class SharedLessonFileTest {

    private static Course course;

    @BeforeAll
    static void importShared() {
        course = new LessonImporter().importFile(TestLessons.shared());
    }

    private static Lesson lesson(String number) {
        return course.lesson(number).orElseThrow(() -> new AssertionError("no lesson " + number));
    }

    @Test
    void importsThreeLessonsWithoutProblems() {
        assertThat(course.problems()).isEmpty();
        assertThat(course.lessons()).extracting(Lesson::number).containsExactly("9", "10", "11");
        assertThat(course.lessons()).extracting(Lesson::title).containsExactly(
                "Creating & managing asyncio tasks", "Mixing blocking and async code safely",
                "Choosing the right model");
        assertThat(course.lessons()).extracting(Lesson::line).containsExactly(1, 35, 64);
        assertThat(course.lessons()).allSatisfy(l -> assertThat(l.source()).isEqualTo(TestLessons.shared()));
    }

    @Test
    void everyLessonHasTwoQuestions() {
        assertThat(course.lessons()).allSatisfy(l -> assertThat(l.questions()).hasSize(2));
    }

    @Test
    void lessonNineQuestions() {
        List<Question> questions = lesson("9").questions();
        Question first = questions.get(0);
        assertThat(first.number()).isEqualTo(1);
        assertThat(first.line()).isEqualTo(23);
        assertThat(first.kind()).isEqualTo(Question.Kind.CHOICE);
        assertThat(first.promptText()).isEqualTo("asyncio.gather(..., return_exceptions=True) will:");
        assertThat(first.prompt().getFirst()).isEqualTo(new Inline.Code("asyncio.gather(..., return_exceptions=True)"));
        assertThat(first.options()).extracting(Option::letter).containsExactly("a", "b");
        assertThat(first.options()).extracting(Option::text)
                .containsExactly("raise first error", "collect exceptions in results list");
        assertThat(first.answer()).contains("b");
        assertThat(first.explanationText()).isEmpty();

        Question second = questions.get(1);
        assertThat(second.number()).isEqualTo(2);
        assertThat(second.kind()).isEqualTo(Question.Kind.TRUE_FALSE);
        assertThat(second.promptText()).isEqualTo("Cancelling a task triggers CancelledError inside it.");
        assertThat(second.options()).isEmpty();
        assertThat(second.answer()).contains("true");
        assertThat(second.explanationText()).isEmpty();
    }

    @Test
    void lessonTenQuestions() {
        List<Question> questions = lesson("10").questions();
        assertThat(questions.get(0).promptText()).isEqualTo("run_in_executor default uses:");
        assertThat(questions.get(0).options()).extracting(Option::text).containsExactly("ProcessPool", "ThreadPool");
        assertThat(questions.get(0).answer()).contains("b");
        assertThat(questions.get(1).kind()).isEqualTo(Question.Kind.TRUE_FALSE);
        assertThat(questions.get(1).promptText())
                .isEqualTo("CPU\u2011heavy tasks benefit more from ThreadPool than ProcessPool.");
        assertThat(questions.get(1).answer()).contains("false");
        assertThat(questions.get(1).explanationText()).contains("use processes for CPU.");
    }

    @Test
    void lessonElevenQuestions() {
        List<Question> questions = lesson("11").questions();
        assertThat(questions.get(0).promptText()).isEqualTo("High overhead per task in threads arises from:");
        assertThat(questions.get(0).options()).extracting(Option::text)
                .containsExactly("kernel stacks", "coroutine objects");
        assertThat(questions.get(0).answer()).contains("a");
        assertThat(questions.get(1).promptText())
                .isEqualTo("asyncio can utilise multiple CPU cores without extra processes.");
        assertThat(questions.get(1).answer()).contains("false");
        assertThat(questions.get(1).explanationText()).contains("still single thread.");
    }

    @Test
    void codeBlocksKeepLanguageCodeAndFirstLine() {
        CodeBlock nine = lesson("9").codeBlocks().getFirst();
        assertThat(lesson("9").codeBlocks()).hasSize(1);
        assertThat(nine.language()).isEqualTo("python");
        assertThat(nine.line()).isEqualTo(5);
        assertThat(nine.firstCodeLine()).isEqualTo(6);
        assertThat(nine.code()).startsWith("import asyncio, random\nasync def job(i):\n")
                .endsWith("asyncio.run(main())\n");
        assertThat(nine.animated()).isFalse();

        CodeBlock ten = lesson("10").codeBlocks().getFirst();
        assertThat(ten.language()).isEqualTo("python");
        assertThat(ten.firstCodeLine()).isEqualTo(40);
        assertThat(ten.code().lines().count()).isEqualTo(8);

        assertThat(lesson("11").codeBlocks()).as("a decision tree is still a fenced text block")
                .singleElement().satisfies(c -> {
                    assertThat(c.language()).isEqualTo("text");
                    assertThat(c.firstCodeLine()).isEqualTo(79);
                    assertThat(c.code()).startsWith("Decision tree:");
                });
    }

    @Test
    void tableCellsArePlainTextWithCodeKeptAsRuns() {
        Table table = lesson("11").blocks().stream().filter(Table.class::isInstance).map(Table.class::cast)
                .findFirst().orElseThrow();
        assertThat(table.line()).isEqualTo(66);
        assertThat(table.headerText()).containsExactly("Workload", "Best tool");
        assertThat(table.rowsText()).containsExactly(
                List.of("CPU\u2011bound, parallel", "multiprocessing, Cython, NumPy"),
                List.of("Many concurrent HTTP calls", "asyncio, aiohttp"),
                List.of("Small I/O wait + GUI program", "threads"));
        assertThat(table.rows().get(1).get(1).inlines()).containsExactly(
                new Inline.Code("asyncio"), new Inline.Text(", "), new Inline.Code("aiohttp"));
    }

    @Test
    void checklistIsAParagraphAndAnOrderedList() {
        List<Block> blocks = lesson("11").blocks();
        int at = blocks.indexOf(blocks.stream().filter(b -> b instanceof Paragraph p && p.text().equals("Checklist:"))
                .findFirst().orElseThrow());
        ListBlock checklist = (ListBlock) blocks.get(at + 1);
        assertThat(checklist.ordered()).isTrue();
        assertThat(checklist.start()).isEqualTo(1);
        assertThat(checklist.items()).extracting(ListBlock.Item::text).containsExactly(
                "Is work I/O\u2011bound? \u2192 async or threads.",
                "Need >1 CPU core? \u2192 processes.",
                "Need share memory? \u2192 threads with locks or manager.",
                "Need millions of tasks? \u2192 async for low overhead.");
        assertThat(checklist.items()).extracting(ListBlock.Item::line).containsExactly(73, 74, 75, 76);
    }

    @Test
    void decisionTreeIsSplitIntoChainsOfNodes() {
        DecisionTree tree = lesson("11").blocks().stream().filter(DecisionTree.class::isInstance)
                .map(DecisionTree.class::cast).findFirst().orElseThrow();
        assertThat(tree.line()).isEqualTo(78);
        assertThat(tree.title()).isEqualTo(Optional.of("Decision tree:"));
        assertThat(tree.branches()).extracting(DecisionTree.Branch::nodes).containsExactly(
                List.of("fetch 1000 URLs", "I/O\u2011bound", "async"),
                List.of("render thumbnails", "CPU\u2011bound", "process pool"),
                List.of("background progress bar", "small I/O", "thread"));
        assertThat(tree.branches()).extracting(DecisionTree.Branch::line).containsExactly(80, 81, 82);
    }

    @Test
    void proseKeepsInlineRuns() {
        Paragraph intro = (Paragraph) lesson("9").blocks().getFirst();
        assertThat(intro.line()).isEqualTo(3);
        assertThat(intro.inlines().getFirst()).isEqualTo(new Inline.Code("asyncio.create_task(coro)"));
        assertThat(intro.inlines()).contains(new Inline.Strong(List.of(new Inline.Text("Task"))));
        assertThat(intro.text()).startsWith("asyncio.create_task(coro) schedules coroutine concurrently; returns Task.");
    }

    @Test
    void quizSitsWhereTheQuickCheckHeadingIs() {
        List<Block> blocks = lesson("9").blocks();
        assertThat(blocks).hasExactlyElementsOfTypes(Paragraph.class, CodeBlock.class, Quiz.class);
        assertThat(blocks.get(2).line()).isEqualTo(21);
    }
}
