package dev.loopscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopscope.lesson.Course;
import dev.loopscope.quiz.ProgressStore;
import dev.loopscope.quiz.QuizEngine;
import dev.loopscope.run.PythonProgramOutputs;
import dev.loopscope.ui.lesson.LessonLibrary;
import dev.loopscope.ui.quiz.QuizPane;
import dev.loopscope.ui.quiz.QuizViewModel.Status;
import java.nio.file.Files;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.Test;

/** A learner answering lesson 9's quick check: by clicking, and by predicting then watching. */
class QuizFlowTest extends WindowTestBase {

    private void click(String id) {
        fx(() -> this.<Button>lookup(id).fire());
    }

    private String feedback(int question) {
        return onFx(() -> this.<Label>lookup("#q" + question + "-feedback").getText());
    }

    @Test
    void aWrongThenARightAnswerGiveFeedbackAndTheScoreFollows() throws Exception {
        openLesson("9");
        fx(() -> window.showQuiz());
        int total = lesson("9").questions().size();
        assertThat(window.quizPane().scoreText()).isEqualTo("Score 0 / " + total + "  ·  0 answered");

        click("#q1-a");
        assertThat(feedback(1)).startsWith("✗ Not quite. The answer is c)");
        assertThat(window.quizPane().scoreText()).isEqualTo("Score 0 / " + total + "  ·  1 answered");
        // The explanation from the answer key is shown at once, and the other options are closed.
        assertThat(onFx(() -> lookup("#question-1").lookupAll("." + QuizPane.EXPLANATION))).hasSize(1);
        assertThat(this.<Button>lookup("#q1-b").isDisabled()).isTrue();
        assertThat(this.<Button>lookup("#q1-c").getStyleClass()).contains(QuizPane.OPTION_KEY);

        click("#q1-retry");
        assertThat(window.quizPane().scoreText()).isEqualTo("Score 0 / " + total + "  ·  0 answered");
        click("#q1-c");
        assertThat(feedback(1)).isEqualTo("✓ Right.");
        click("#q2-true");
        click("#q3-true");
        assertThat(feedback(3)).startsWith("✗ Not quite. The answer is False.");
        assertThat(window.quizPane().scoreText()).isEqualTo("Score 2 / " + total + "  ·  3 answered");

        // Saved where the next session finds it, and shown in the navigator.
        Course course = new LessonLibrary().load();
        QuizEngine next = new QuizEngine(course, new ProgressStore(progressDir), new PythonProgramOutputs());
        assertThat(next.score("9").correct()).isEqualTo(2);
        assertThat(next.score("9").answered()).isEqualTo(3);
        assertThat(Files.exists(progressDir.resolve(ProgressStore.FILE_NAME))).isTrue();
        assertThat(window.quiz().score("9").correct()).isEqualTo(2);

        click("#quiz-retry-lesson");
        assertThat(window.quizPane().scoreText()).isEqualTo("Score 0 / " + total + "  ·  0 answered");
    }

    @Test
    void aPredictQuestionRunsTheProgramWithItsKnobValuesAndIsGradedByItsOutput() throws Exception {
        openLesson("9");
        fx(() -> window.showQuiz());
        var before = window.player().getIndex();
        // Question 7 turns on return_exceptions and asks for the fourth line printed.
        click("#q7-a");
        assertThat(window.quiz().item(7).orElseThrow().status()).isIn(Status.RUNNING, Status.CORRECT);
        assertThat(window.knobValues()).containsEntry("exceptions", "True");
        assertThat(window.code().getText()).contains("return_exceptions=True");
        waitUntil(() -> window.quiz().item(7).orElseThrow().status() == Status.CORRECT
                && window.player().getIndex() != before && !window.isRunning());
        assertThat(feedback(7)).isEqualTo("✓ Right.");
        // ... and the animation of that very program plays.
        assertThat(window.clock().isPlaying() || window.player().isAtEnd()).isTrue();
        fx(() -> window.player().toEnd());
        assertThat(window.console().lines().get(3).text()).isEqualTo("results: [0, 1, ValueError('boom'), 3]");

        click("#q8-a");
        waitUntil(() -> window.quiz().item(8).orElseThrow().status() == Status.WRONG);
        assertThat(feedback(8)).startsWith("✗ Not quite. The answer is c) caught boom");
        assertThat(window.knobValues()).containsEntry("failing", "1").containsEntry("exceptions", "False");
    }

    @Test
    void theAnswerKeyShowsEveryAnswerIncludingThoseThatComeFromRunningTheCode() throws Exception {
        openLesson("9");
        fx(() -> window.showQuiz());
        fx(() -> this.<ToggleButton>lookup("#answer-key").setSelected(true));
        assertThat(this.<Button>lookup("#q1-c").getStyleClass()).contains(QuizPane.OPTION_KEY);
        assertThat(this.<Button>lookup("#q2-true").getStyleClass()).contains(QuizPane.OPTION_KEY);
        waitUntil(() -> window.quiz().item(6).orElseThrow().correctAnswer().isPresent());
        assertThat(window.quiz().item(6).orElseThrow().correctAnswer()).contains("c");
        assertThat(this.<Button>lookup("#q6-c").getStyleClass()).contains(QuizPane.OPTION_KEY);
        // Showing the key answers nothing: the score is untouched.
        assertThat(window.quiz().scoreProperty().get().answered()).isZero();
    }

    @Test
    void aCorruptProgressFileIsSetAsideAndTheWindowSaysSo() throws Exception {
        // Replace the progress the window read with a corrupt file, then load the course again.
        Files.writeString(progressDir.resolve(ProgressStore.FILE_NAME), "{ not json");
        openLesson("9");
        fx(() -> window.showQuiz());
        Label notice = lookup("#quiz-notice");
        assertThat(notice.isVisible()).isTrue();
        assertThat(notice.getText()).contains("could not be read").contains("not valid JSON");
        try (var files = Files.list(progressDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("progress.json.corrupt-"));
        }
    }
}
