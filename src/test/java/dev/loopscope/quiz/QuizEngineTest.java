package dev.loopscope.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loopscope.lesson.Course;
import dev.loopscope.lesson.LessonImporter;
import dev.loopscope.lesson.ProgramOutputs;
import dev.loopscope.lesson.TestLessons;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuizEngineTest {

    private static Course shared;
    private static Course extended;

    @TempDir
    Path dir;

    @BeforeAll
    static void importCourses() {
        shared = new LessonImporter().importFile(TestLessons.shared());
        extended = new LessonImporter().importFile(TestLessons.extended());
        assertThat(shared.problems()).isEmpty();
        assertThat(extended.problems()).isEmpty();
    }

    private QuizEngine engine(Course course, ProgramOutputs outputs) {
        return new QuizEngine(course, new ProgressStore(dir), outputs);
    }

    @Test
    void choiceQuestionsGiveImmediateFeedback() {
        QuizEngine quiz = engine(shared, ProgramOutputs.unavailable());
        assertThat(quiz.answer("9", 1, "a")).isEqualTo(new Feedback(false, "b", Optional.empty()));
        assertThat(quiz.answer("9", 1, " B ")).isEqualTo(new Feedback(true, "b", Optional.empty()));
        assertThat(quiz.answer("11", 1, "a")).isEqualTo(new Feedback(true, "a", Optional.empty()));
    }

    @Test
    void trueFalseQuestionsCarryTheirExplanation() {
        QuizEngine quiz = engine(shared, ProgramOutputs.unavailable());
        assertThat(quiz.answer("9", 2, "true")).isEqualTo(new Feedback(true, "true", Optional.empty()));
        assertThat(quiz.answer("10", 2, "True"))
                .isEqualTo(new Feedback(false, "false", Optional.of("use processes for CPU.")));
        assertThat(quiz.answer("11", 2, "FALSE"))
                .isEqualTo(new Feedback(true, "false", Optional.of("still single thread.")));
    }

    @Test
    void answersTheQuestionDoesNotOfferAreRefused() {
        QuizEngine quiz = engine(shared, ProgramOutputs.unavailable());
        assertThatThrownBy(() -> quiz.answer("9", 1, "c")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("question 1 does not offer the answer 'c'");
        assertThatThrownBy(() -> quiz.answer("9", 2, "b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> quiz.answer("12", 1, "a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no lesson 12");
        assertThatThrownBy(() -> quiz.answer("9", 3, "a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lesson 9 has no question 3");
        assertThat(quiz.score("9")).isEqualTo(new Score(0, 0, 2));
    }

    @Test
    void predictQuestionsAreGradedByRunningTheProgram() {
        var outputs = new TestLessons.FakeOutputs();
        QuizEngine quiz = engine(extended, outputs);
        assertThat(quiz.answer("1", 1, "b")).isEqualTo(new Feedback(false, "a",
                Optional.of("The error propagates out of gather, so main catches it.")));
        assertThat(quiz.answer("1", 2, "b")).isEqualTo(new Feedback(true, "b",
                Optional.of("the error comes back as a value in the list instead.")));
        assertThat(quiz.answer("2", 1, "b").correct()).isTrue();
        assertThat(quiz.answer("1", 1, "a").correct()).isTrue();
        assertThat(outputs.runs).as("each program runs once, then its answer is cached").hasSize(3);
        assertThat(quiz.score("1")).isEqualTo(new Score(2, 2, 4));
    }

    @Test
    void predictQuestionsCannotBeGradedWithoutAProgramRunner() {
        QuizEngine quiz = engine(extended, ProgramOutputs.unavailable());
        assertThatThrownBy(() -> quiz.answer("1", 1, "a")).isInstanceOf(UngradableException.class)
                .hasMessage("predict question 1 of lesson 1: the program failed: no program runner is installed");
        assertThat(quiz.score("1")).isEqualTo(new Score(0, 0, 4));
    }

    @Test
    void scoresCountAnsweredAndCorrectPerLesson() {
        QuizEngine quiz = engine(shared, ProgramOutputs.unavailable());
        quiz.answer("9", 1, "b");
        quiz.answer("9", 2, "false");
        quiz.answer("10", 1, "b");
        assertThat(quiz.score("9")).isEqualTo(new Score(2, 1, 2));
        assertThat(quiz.score("9").complete()).isTrue();
        assertThat(quiz.score("10")).isEqualTo(new Score(1, 1, 2));
        assertThat(quiz.score("11")).isEqualTo(new Score(0, 0, 2));
    }

    @Test
    void retryResetsOneQuestionOrAWholeLesson() {
        QuizEngine quiz = engine(shared, ProgramOutputs.unavailable());
        quiz.answer("9", 1, "b");
        quiz.answer("9", 2, "true");
        quiz.answer("10", 1, "a");
        quiz.reset("9", 2);
        assertThat(quiz.score("9")).isEqualTo(new Score(1, 1, 2));
        assertThat(quiz.recordedAnswer("9", 2)).isEmpty();
        quiz.reset("9");
        assertThat(quiz.score("9")).isEqualTo(new Score(0, 0, 2));
        assertThat(quiz.score("10")).isEqualTo(new Score(1, 0, 2));
    }

    @Test
    void progressSurvivesARestart() {
        QuizEngine first = engine(shared, ProgramOutputs.unavailable());
        first.answer("9", 1, "a");
        first.answer("10", 2, "false");
        QuizEngine second = engine(shared, ProgramOutputs.unavailable());
        assertThat(second.notice()).isEmpty();
        assertThat(second.score("9")).isEqualTo(new Score(1, 0, 2));
        assertThat(second.score("10")).isEqualTo(new Score(1, 1, 2));
        assertThat(second.recordedAnswer("9", 1)).contains("a");
        assertThat(second.recorded("10", 2))
                .contains(new Feedback(true, "false", Optional.of("use processes for CPU.")));
        assertThat(second.progress()).isEqualTo(first.progress());
    }

    @Test
    void entriesOfEditedQuestionsAreIgnored() {
        String text = TestLessons.read(TestLessons.shared());
        QuizEngine before = engine(shared, ProgramOutputs.unavailable());
        before.answer("9", 1, "b");
        before.answer("10", 1, "b");
        Course edited = new LessonImporter().importText(TestLessons.shared(),
                text.replace("run_in_executor default uses:", "By default, run_in_executor uses:"));
        QuizEngine after = engine(edited, ProgramOutputs.unavailable());
        assertThat(after.score("9")).isEqualTo(new Score(1, 1, 2));
        assertThat(after.score("10")).as("the question was reworded").isEqualTo(new Score(0, 0, 2));
        assertThat(after.progress().answers()).hasSize(2);
    }

    @Test
    void recordedFeedbackFollowsTodaysAnswerKeyLikeTheScore() {
        String text = TestLessons.read(TestLessons.shared());
        engine(shared, ProgramOutputs.unavailable()).answer("9", 1, "b");
        Course fixed = new LessonImporter().importText(TestLessons.shared(), text.replace("1. **b**.\n2. **True**.",
                "1. **a**.\n2. **True**."));
        assertThat(fixed.lesson("9").orElseThrow().question(1).orElseThrow().answer()).contains("a");
        QuizEngine after = engine(fixed, ProgramOutputs.unavailable());
        assertThat(after.score("9")).isEqualTo(new Score(1, 0, 2));
        assertThat(after.recorded("9", 1)).contains(new Feedback(false, "a", Optional.empty()));
    }

    @Test
    void recordedPredictFeedbackDoesNotRunTheProgramAgain() {
        var outputs = new TestLessons.FakeOutputs();
        engine(extended, outputs).answer("1", 1, "b");
        ProgramOutputs failing = (code, knobs) -> {
            throw new AssertionError("the program must not run again");
        };
        QuizEngine later = engine(extended, failing);
        assertThat(later.recorded("1", 1)).contains(new Feedback(false, "a",
                Optional.of("The error propagates out of gather, so main catches it.")));
        assertThat(later.score("1")).isEqualTo(new Score(1, 0, 4));
    }

    @Test
    void aFailedSaveKeepsTheAnswerAndTellsTheUser() throws IOException {
        ProgressStore failing = new ProgressStore(dir, (from, to) -> {
            throw new IOException("disk full");
        }, Clock.systemUTC());
        QuizEngine quiz = new QuizEngine(shared, failing, ProgramOutputs.unavailable());
        assertThat(quiz.answer("9", 1, "b").correct()).isTrue();
        assertThat(quiz.score("9")).isEqualTo(new Score(1, 1, 2));
        assertThat(quiz.notice()).hasValueSatisfying(n -> assertThat(n).contains("could not be saved").contains("disk full"));
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aCorruptProgressFileIsSetAsideAndTheEngineStartsFresh() throws IOException {
        Files.writeString(dir.resolve("progress.json"), "{ not json");
        QuizEngine quiz = engine(shared, ProgramOutputs.unavailable());
        assertThat(quiz.notice()).hasValueSatisfying(n -> assertThat(n).contains("moved to"));
        assertThat(quiz.score("9")).isEqualTo(new Score(0, 0, 2));
        quiz.answer("9", 1, "b");
        assertThat(engine(shared, ProgramOutputs.unavailable()).score("9")).isEqualTo(new Score(1, 1, 2));
    }
}
