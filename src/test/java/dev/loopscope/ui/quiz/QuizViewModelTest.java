package dev.loopscope.ui.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopscope.lesson.Course;
import dev.loopscope.lesson.Lesson;
import dev.loopscope.lesson.ProgramOutputs;
import dev.loopscope.quiz.ProgressStore;
import dev.loopscope.ui.lesson.LessonLibrary;
import dev.loopscope.ui.quiz.QuizViewModel.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quiz view model on the real quiz engine, with a program-output stand-in and a background run by hand. */
class QuizViewModelTest {

    private static Course course;
    private static Lesson nine;

    @TempDir
    Path dir;

    private final Queue<Runnable> background = new ArrayDeque<>();
    private final Executor manual = background::add;
    private final AtomicInteger runs = new AtomicInteger();

    /** What lesson 9's program prints: with return_exceptions=True the list, else the caught error. */
    private final ProgramOutputs outputs = (code, values) -> {
        runs.incrementAndGet();
        if (code.contains("return_exceptions=True")) {
            return new ProgramOutputs.Result.Printed("job 1 done\njob 0 done\njob 3 done\n"
                    + "results: [0, 1, ValueError('boom'), 3]\njob 3 returned 3\njob 3 cancelled: False\n");
        }
        if (code.contains("if i == 1:")) {
            return new ProgramOutputs.Result.Failed("the program raised");
        }
        return new ProgramOutputs.Result.Printed("job 1 done\ncaught boom\njob 0 done\n"
                + "gave up waiting for job 3\njob 3 cancelled: True\n");
    };

    @BeforeAll
    static void course() {
        course = new LessonLibrary().load();
        nine = course.lesson("9").orElseThrow();
    }

    private QuizViewModel model() {
        QuizViewModel m = new QuizViewModel(new ProgressStore(dir), outputs, manual, Runnable::run);
        m.setCourse(course);
        m.load(nine);
        return m;
    }

    private void runBackground() {
        while (!background.isEmpty()) {
            background.poll().run();
        }
    }

    @Test
    void choiceAndTrueFalseAnswersAreGradedAtOnce() {
        QuizViewModel m = model();
        assertThat(m.items()).hasSize(nine.questions().size());
        assertThat(m.item(1).orElseThrow().status()).isEqualTo(Status.UNANSWERED);
        m.answer(1, "a");
        QuizViewModel.Item one = m.item(1).orElseThrow();
        assertThat(one.status()).isEqualTo(Status.WRONG);
        assertThat(one.given()).contains("a");
        assertThat(one.correctAnswer()).contains("c");
        assertThat(one.explanation()).hasValueSatisfying(e -> assertThat(e).contains("return_exceptions=True"));
        m.answer(2, "TRUE");
        assertThat(m.item(2).orElseThrow().status()).isEqualTo(Status.CORRECT);
        assertThat(m.scoreProperty().get().correct()).isEqualTo(1);
        assertThat(m.scoreProperty().get().answered()).isEqualTo(2);
        assertThat(background).isEmpty();
    }

    @Test
    void aPredictAnswerIsRunningUntilTheProgramHasRunThenGraded() {
        QuizViewModel m = model();
        m.answer(7, "a");
        assertThat(m.item(7).orElseThrow().status()).isEqualTo(Status.RUNNING);
        assertThat(m.scoreProperty().get().answered()).isZero();
        runBackground();
        assertThat(m.item(7).orElseThrow().status()).isEqualTo(Status.CORRECT);
        assertThat(m.scoreProperty().get().correct()).isEqualTo(1);
        m.answer(6, "a");
        runBackground();
        assertThat(m.item(6).orElseThrow().status()).isEqualTo(Status.WRONG);
        assertThat(m.item(6).orElseThrow().correctAnswer()).contains("c");
    }

    @Test
    void aPredictQuestionWhoseProgramFailsSaysWhyAndScoresNothing() {
        QuizViewModel m = model();
        m.answer(8, "c");
        runBackground();
        QuizViewModel.Item eight = m.item(8).orElseThrow();
        assertThat(eight.status()).isEqualTo(Status.UNGRADABLE);
        assertThat(eight.message()).contains("the program raised");
        assertThat(m.scoreProperty().get().answered()).isZero();
        m.retry(8);
        assertThat(m.item(8).orElseThrow().status()).isEqualTo(Status.UNANSWERED);
    }

    @Test
    void retryingForgetsOneAnswerOrTheLesson() {
        QuizViewModel m = model();
        m.answer(1, "c");
        m.answer(2, "true");
        m.retry(1);
        assertThat(m.item(1).orElseThrow().status()).isEqualTo(Status.UNANSWERED);
        assertThat(m.scoreProperty().get().answered()).isEqualTo(1);
        m.retryLesson();
        assertThat(m.scoreProperty().get().answered()).isZero();
    }

    @Test
    void answersSurviveANewSession() {
        model().answer(1, "c");
        QuizViewModel next = model();
        assertThat(next.item(1).orElseThrow().status()).isEqualTo(Status.CORRECT);
        assertThat(next.score("9").correct()).isEqualTo(1);
        assertThat(next.score("no such lesson").total()).isZero();
    }

    @Test
    void theAnswerKeyWorksOutPredictAnswersInTheBackground() {
        QuizViewModel m = model();
        m.answerKeyShownProperty().set(true);
        assertThat(m.item(1).orElseThrow().correctAnswer()).contains("c");
        assertThat(m.item(6).orElseThrow().correctAnswer()).isEmpty();
        runBackground();
        assertThat(m.item(6).orElseThrow().correctAnswer()).contains("c");
        assertThat(m.item(7).orElseThrow().correctAnswer()).contains("a");
        assertThat(m.item(8).orElseThrow().message()).contains("the program raised");
        assertThat(m.scoreProperty().get().answered()).isZero();
        m.answerKeyShownProperty().set(false);
        assertThat(m.item(1).orElseThrow().correctAnswer()).isEmpty();
    }

    @Test
    void aCorruptProgressFileIsSetAsideWithANotice() throws Exception {
        Files.writeString(dir.resolve(ProgressStore.FILE_NAME), "garbage");
        QuizViewModel m = model();
        assertThat(m.noticeProperty().get()).contains("could not be read").contains("moved to");
        m.dismissNotice();
        assertThat(m.noticeProperty().get()).isEmpty();
    }

    @Test
    void aSaveThatFailsKeepsTheAnswerAndSaysSo() throws Exception {
        Path file = dir.resolve("not-a-dir");
        Files.writeString(file, "a file where the directory should be");
        QuizViewModel m = new QuizViewModel(new ProgressStore(file), outputs, manual, Runnable::run);
        m.setCourse(course);
        m.load(nine);
        m.answer(1, "c");
        assertThat(m.item(1).orElseThrow().status()).isEqualTo(Status.CORRECT);
        assertThat(m.noticeProperty().get()).contains("could not be saved");
    }

    @Test
    void aNewLessonDropsResultsOfTheOldOnesRuns() {
        QuizViewModel m = model();
        m.answer(7, "a");
        m.load(course.lesson("10").orElseThrow());
        runBackground();
        assertThat(m.items()).allMatch(i -> i.status() != Status.RUNNING);
        assertThat(m.lesson().orElseThrow().number()).isEqualTo("10");
    }
}
