package dev.loopscope.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sample lesson that uses every directive of src/docs/lesson-format.md. */
class ExtendedLessonTest {

    private static Course course;

    @BeforeAll
    static void importSample() {
        course = new LessonImporter().importFile(TestLessons.extended());
    }

    @Test
    void importsWithoutProblems() {
        assertThat(course.problems()).isEmpty();
        assertThat(course.lessons()).extracting(Lesson::number).containsExactly("1", "2", "3");
    }

    @Test
    void animateCommentMarksTheBlockAndItsView() {
        Lesson lesson = course.lesson("1").orElseThrow();
        CodeBlock block = lesson.animated().orElseThrow();
        assertThat(block.line()).isEqualTo(13);
        assertThat(block.firstCodeLine()).isEqualTo(14);
        assertThat(block.animation().orElseThrow().view()).isEqualTo(LabView.TASKS);
    }

    @Test
    void infoStringWordsMarkTheBlockToo() {
        CodeBlock block = course.lesson("2").orElseThrow().animated().orElseThrow();
        assertThat(block.language()).isEqualTo("python");
        assertThat(block.animation().orElseThrow().view()).isEqualTo(LabView.BLOCKING);
        assertThat(block.animation().orElseThrow().knobs()).singleElement()
                .satisfies(k -> assertThat(k.control()).isEqualTo(new Knob.Toggle("False", "True")));
        assertThat(course.lesson("3").orElseThrow().animated()).isEmpty();
    }

    @Test
    void knobsOfEveryKind() {
        Animation animation = course.lesson("1").orElseThrow().animated().orElseThrow().animation().orElseThrow();
        assertThat(animation.knobs()).extracting(Knob::id).containsExactly("exceptions", "failing", "count", "delay");
        assertThat(animation.knobs()).extracting(Knob::label)
                .containsExactly("Return exceptions", "Failing task", "Tasks", "Delay (s)");
        assertThat(animation.knobs()).extracting(Knob::control).containsExactly(
                new Knob.Toggle("False", "True"),
                new Knob.Choice(List.of("0", "1", "2", "3")),
                new Knob.IntegerSpinner(1, 8, 1),
                new Knob.FloatSlider(new BigDecimal("0.1"), new BigDecimal("2.0"), new BigDecimal("0.1")));
        assertThat(animation.knobs()).extracting(Knob::codeLine).containsExactly(12, 5, 10, 4);
        assertThat(animation.knobs()).extracting(Knob::sourceLine).containsExactly(8, 9, 10, 11);
        assertThat(animation.defaults()).containsExactly(
                Map.entry("exceptions", "False"), Map.entry("failing", "2"), Map.entry("count", "4"),
                Map.entry("delay", "0.5"));
    }

    @Test
    void codeWithKnobValuesRewritesOnlyThoseLiterals() {
        CodeBlock block = course.lesson("1").orElseThrow().animated().orElseThrow();
        String code = block.codeWith(Map.of("exceptions", "True", "count", "6", "delay", "1.5", "failing", "0"));
        List<String> before = block.code().lines().toList();
        List<String> after = code.lines().toList();
        assertThat(after).hasSameSizeAs(before);
        assertThat(after.get(11)).isEqualTo("        print(await asyncio.gather(*tasks, return_exceptions=True))");
        assertThat(after.get(9)).isEqualTo("    tasks = [asyncio.create_task(job(i)) for i in range(6)]");
        assertThat(after.get(3)).isEqualTo("    await asyncio.sleep(1.5)");
        assertThat(after.get(4)).isEqualTo("    if i == 0:");
        for (int i : new int[] {0, 1, 2, 5, 6, 7, 8, 10, 12, 13, 14, 15}) {
            assertThat(after.get(i)).as("line %d", i + 1).isEqualTo(before.get(i));
        }
        assertThat(block.codeWith(Map.of())).isEqualTo(block.code());
    }

    @Test
    void predictQuestionsCarryTheirOutputPartAndKnobValues() {
        List<Question> questions = course.lesson("1").orElseThrow().questions();
        assertThat(questions).extracting(Question::kind).containsExactly(
                Question.Kind.PREDICT, Question.Kind.PREDICT, Question.Kind.TRUE_FALSE, Question.Kind.CHOICE);
        Question whole = questions.get(0);
        assertThat(whole.prediction().orElseThrow()).isEqualTo(new Prediction(new Prediction.WholeOutput(), Map.of()));
        assertThat(whole.answer()).isEmpty();
        assertThat(whole.promptText()).isEqualTo("What does the program print?");
        assertThat(whole.options()).extracting(Option::text)
                .containsExactly("caught boom", "[0, 1, ValueError('boom'), 3]");
        assertThat(whole.explanationText()).contains("The error propagates out of gather, so main catches it.");

        Question first = questions.get(1);
        assertThat(first.prediction().orElseThrow())
                .isEqualTo(new Prediction(new Prediction.OutputLine(1), Map.of("exceptions", "True")));
        assertThat(first.promptText()).isEqualTo("With return_exceptions=True, what is printed first?");
        assertThat(first.explanationText()).contains("the error comes back as a value in the list instead.");

        assertThat(questions.get(2).answer()).contains("false");
        assertThat(questions.get(2).explanationText()).contains("results follow the order of the arguments.");
        assertThat(questions.get(3).options()).extracting(Option::letter).containsExactly("a", "b", "c");
        assertThat(questions.get(3).answer()).contains("b");

        Question last = course.lesson("2").orElseThrow().questions().getFirst();
        assertThat(last.prediction().orElseThrow())
                .isEqualTo(new Prediction(new Prediction.OutputLine(-1), Map.of("offload", "True")));
    }

    @Test
    void answerKeyWithoutBlankLinesInsideDetailsReadsTheSame() {
        // Lesson 1 writes its key right after <details> (one HTML block for commonmark); lesson 2 uses blank lines.
        assertThat(course.lesson("1").orElseThrow().questions()).hasSize(4);
        assertThat(course.lesson("2").orElseThrow().questions().get(1).answer()).contains("false");
    }

    @Test
    void predictionsResolveAgainstTheProgramOutput() {
        var outputs = new TestLessons.FakeOutputs();
        Lesson one = course.lesson("1").orElseThrow();
        assertThat(Predictions.resolve(one, one.questions().get(0), outputs))
                .isEqualTo(new Predictions.Resolution.Resolved("a", "caught boom\n"));
        assertThat(Predictions.resolve(one, one.questions().get(1), outputs))
                .isEqualTo(new Predictions.Resolution.Resolved("b", "[0, 1, ValueError('boom'), 3]"));
        assertThat(outputs.runs.get(1).knobValues()).containsEntry("exceptions", "True").containsEntry("count", "4");
        assertThat(outputs.runs.get(1).code()).contains("return_exceptions=True");

        Lesson two = course.lesson("2").orElseThrow();
        assertThat(Predictions.resolve(two, two.questions().get(0), outputs))
                .isEqualTo(new Predictions.Resolution.Resolved("b", "done"));
        assertThat(LessonChecker.checkPredictions(course, outputs)).isEmpty();
    }

    @Test
    void nestedListsLinksAndArrowTreesInPlainLessons() {
        List<Block> blocks = course.lesson("3").orElseThrow().blocks();
        Paragraph intro = (Paragraph) blocks.get(0);
        assertThat(intro.inlines()).contains(new Inline.Link("https://docs.python.org/3/library/asyncio.html",
                List.of(new Inline.Text("asyncio docs"))));
        ListBlock list = (ListBlock) blocks.get(1);
        assertThat(list.ordered()).isFalse();
        assertThat(list.items().getFirst().text()).isEqualTo("I/O-bound");
        ListBlock nested = (ListBlock) list.items().getFirst().blocks().getFirst();
        assertThat(nested.items()).extracting(ListBlock.Item::text)
                .containsExactly("few connections: threads", "many connections: asyncio");
        DecisionTree tree = (DecisionTree) blocks.get(2);
        assertThat(tree.title()).isEmpty();
        assertThat(tree.branches()).extracting(DecisionTree.Branch::nodes)
                .containsExactly(List.of("many sockets", "asyncio"), List.of("heavy maths", "processes", "one per core"));
        CodeBlock bash = (CodeBlock) blocks.get(3);
        assertThat(bash.language()).isEqualTo("bash");
        assertThat(bash.firstCodeLine()).isEqualTo(116);
    }
}
