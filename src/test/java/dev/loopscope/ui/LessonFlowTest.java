package dev.loopscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopscope.engine.trace.TraceEvent;
import dev.loopscope.engine.trace.TraceIndex;
import dev.loopscope.ui.code.CodePane;
import dev.loopscope.ui.timeline.LaneLayout;
import java.time.Duration;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** A learner on lesson 9: runs it, steps, scrubs, plays, turns a knob, breaks the code. */
class LessonFlowTest extends WindowTestBase {

    static final String LESSON_9_OUTPUT = """
            job 1 done
            caught boom
            job 0 done
            gave up waiting for job 3
            job 3 cancelled: True
            """;

    @Test
    void openingALessonRunsItsPythonAndDrawsALanePerTask() throws Exception {
        openLesson("9");
        LaneLayout.Result layout = window.timeline().layoutResultProperty().get();
        assertThat(layout.rows()).extracting(LaneLayout.Row::label)
                .containsExactly("Event loop", "Task-1", "Task-2", "Task-3", "Task-4", "Task-5");
        assertThat(window.console().lines()).isEmpty();
        assertThat(window.code().getText()).isEqualTo(lesson("9").animated().orElseThrow().code());
        fx(() -> window.player().toEnd());
        assertThat(window.console().text()).isEqualTo(LESSON_9_OUTPUT);
        assertThat(window.status()).startsWith("Ran lesson9.py to the end");
        assertThat(window.bannerText()).isNull();
    }

    @Test
    void arrowKeysStepOneEventAndShiftArrowsOneLoopIteration() throws Exception {
        openLesson("9");
        TraceIndex ix = window.player().getIndex();
        int suspended = firstSuspensionOfMain(ix);
        fx(() -> window.player().seekEvent(suspended - 1));
        fx(() -> window.timeline().requestFocus());
        robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.player().getPosition()).isEqualTo(suspended);
        // main created four tasks and now waits: their first steps are queued, in creation order.
        assertThat(window.loop().readyLabels()).containsExactly("1. Task-2 · __step", "2. Task-3 · __step",
                "3. Task-4 · __step", "4. Task-5 · __step");
        assertThat(window.timeline().highlightedProperty().get()).contains(ix.taskLane(0));
        assertThat(window.code().currentLineProperty().get()).isGreaterThan(0);
        robot.press(KeyCode.LEFT).release(KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.player().getPosition()).isEqualTo(suspended - 1);

        int iteration = onFx(() -> window.player().getSnapshot().iteration());
        robot.press(KeyCode.SHIFT).press(KeyCode.RIGHT).release(KeyCode.RIGHT).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        int next = window.player().getPosition();
        assertThat(ix.trace().event(next)).isInstanceOf(TraceEvent.LoopIteration.class);
        assertThat(window.player().getSnapshot().iteration()).isEqualTo(iteration + 1);
        robot.press(KeyCode.SHIFT).press(KeyCode.LEFT).release(KeyCode.LEFT).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.player().getPosition()).isLessThan(next);
        assertThat(window.player().getSnapshot().iteration()).isLessThanOrEqualTo(iteration);
    }

    @Test
    void theTaskTreeTabShowsWhoAwaitsWhomAtThePlayheadWhenItIsOpened() throws Exception {
        openLesson("9");
        fx(() -> window.player().seekTime(150_000_000L));
        robot.clickOn("Task tree");
        WaitForAsyncUtils.waitForFxEvents();
        var roots = onFx(() -> window.loop().tree().getRoot().getChildren());
        assertThat(roots).isNotEmpty();
        var main = roots.getFirst();
        assertThat(main.getValue().label()).isEqualTo("Task-1");
        var gather = main.getChildren().getFirst();
        assertThat(gather.getValue().label()).isEqualTo("gather");
        assertThat(gather.getChildren()).extracting(c -> c.getValue().label())
                .containsExactly("Task-2", "Task-3", "Task-4", "Task-5");
    }

    static int firstSuspensionOfMain(TraceIndex ix) {
        for (int i = 0; i < ix.trace().size(); i++) {
            if (ix.trace().event(i) instanceof TraceEvent.TaskSuspended s && s.task() == 0) {
                return i;
            }
        }
        throw new AssertionError("main never suspends");
    }

    @Test
    void theScrubberMovesThePlayheadThroughVirtualTime() throws Exception {
        openLesson("9");
        Slider scrubber = lookup("#scrubber");
        fx(() -> scrubber.setValue(150));
        assertThat(window.player().getTime()).isEqualTo(150_000_000L);
        assertThat(window.timeline().playheadProperty().get()).isEqualTo(150_000_000L);
        assertThat(window.console().text()).isEqualTo("job 1 done\n");
        fx(() -> scrubber.setValue(350));
        assertThat(window.console().text()).isEqualTo("job 1 done\ncaught boom\njob 0 done\n");
    }

    @Test
    void playingMovesThePlayheadByTheClockTimesTheSpeed() throws Exception {
        openLesson("9");
        fx(() -> {
            window.clock().setSpeed(1);
            window.clock().advance(Duration.ofMillis(250));
        });
        assertThat(window.player().getTime()).isEqualTo(250_000_000L);
        assertThat(window.console().text()).isEqualTo("job 1 done\ncaught boom\n");
        fx(() -> {
            window.clock().setSpeed(0.5);
            window.clock().advance(Duration.ofMillis(200));
        });
        assertThat(window.player().getTime()).isEqualTo(350_000_000L);
        fx(() -> window.clock().advance(Duration.ofSeconds(5)));
        assertThat(window.player().isAtEnd()).isTrue();
        assertThat(window.clock().isPlaying()).isFalse();
        assertThat(window.console().text()).isEqualTo(LESSON_9_OUTPUT);
    }

    @Test
    void aKnobRewritesTheLessonCodeAndTheOutputChanges() throws Exception {
        openLesson("9");
        TraceIndex before = window.player().getIndex();
        CheckBox toggle = lookup("#knob-exceptions");
        fx(() -> toggle.setSelected(true));
        waitUntil(() -> window.player().getIndex() != before && !window.isRunning());
        assertThat(window.code().getText()).contains("return_exceptions=True")
                .isEqualTo(lesson("9").animated().orElseThrow().codeWith(java.util.Map.of("exceptions", "True")));
        fx(() -> window.player().toEnd());
        assertThat(window.console().lines()).extracting(l -> l.text())
                .contains("results: [0, 1, ValueError('boom'), 3]").doesNotContain("caught boom");
    }

    @Test
    void aKnobKeepsTheLearnersEdits() throws Exception {
        openLesson("9");
        fx(() -> window.code().setText(window.code().getText().replace("print('caught', e)", "print('oops', e)")));
        TraceIndex before = window.player().getIndex();
        fx(() -> window.knobs().setValue("failing", "1"));
        waitUntil(() -> window.player().getIndex() != before && !window.isRunning());
        assertThat(window.code().getText()).contains("if i == 1:").contains("print('oops', e)");
        fx(() -> window.player().toEnd());
        assertThat(window.console().text()).startsWith("oops boom\n");
    }

    @Test
    void anErrorInTheCodeIsUnderlinedAtItsLineAndColumn() throws Exception {
        openLesson("9");
        fx(() -> {
            window.code().setText("import asyncio\n\nasync def main():\n    await asyncio.sleep(1\n\nasyncio.run(main())\n");
            window.runProgram();
        });
        waitUntil(() -> window.code().errorMessage() != null);
        var error = window.run().errorProperty().get();
        assertThat(error.line()).isEqualTo(4);
        assertThat(window.code().errorMessage()).startsWith("Line 4, column " + error.column() + ":")
                .contains("'(' was never closed");
        int at = onFx(() -> window.code().area().getAbsolutePosition(error.line() - 1, error.column() - 1));
        assertThat(onFx(() -> window.code().area().getStyleOfChar(at))).contains(CodePane.ERROR_STYLE);
        // Fixing the code clears the mark.
        fx(() -> window.code().setText(window.code().getText().replace("sleep(1\n", "sleep(1)\n")));
        assertThat(window.code().errorMessage()).isNull();
    }

    @Test
    void aPythonFileOpensThroughTheDialogAndRuns(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        dialogs.nextOpen = write(dir, "hello.py", "import asyncio\n\nasync def main():\n    print('hello')\n\nasyncio.run(main())\n");
        fx(() -> window.library().openProgramFile());
        waitForRuns();
        assertThat(window.navigator().getSelectionModel().getSelectedItem().label()).isEqualTo("Program: hello.py");
        fx(() -> window.player().toEnd());
        assertThat(window.console().text()).isEqualTo("hello\n");
        assertThat(window.knobs().isVisible()).isFalse();
    }

    @Test
    void aRunTheEngineStopsShowsABannerWithTheReason(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        dialogs.nextOpen = write(dir, "forever.py", """
                import asyncio

                async def main():
                    print('waiting for a future nobody sets')
                    await asyncio.get_running_loop().create_future()

                asyncio.run(main())
                """);
        fx(() -> window.library().openProgramFile());
        waitForRuns();
        assertThat(window.bannerText()).startsWith("The engine stopped this run early:")
                .contains("The animation shows the run up to that point.");
        assertThat(window.status()).contains("stopped");
    }

    @Test
    void escapeCancelsALongRun(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        dialogs.nextOpen = write(dir, "long.py", "total = 0\nfor i in range(200_000_000):\n    total += i\nprint(total)\n");
        fx(() -> window.library().openProgramFile());
        waitUntil(() -> !window.run().progressProperty().get().isEmpty());
        assertThat(lookup("#run-overlay").isVisible()).isTrue();
        fx(() -> window.timeline().requestFocus());
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitUntil(() -> !window.isRunning());
        assertThat(window.status()).isEqualTo("Run cancelled");
        assertThat(lookup("#run-overlay").isVisible()).isFalse();
    }
}
