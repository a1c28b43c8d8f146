package dev.loopscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopscope.engine.trace.TraceIndex;
import dev.loopscope.lesson.LessonImporter;
import dev.loopscope.run.DemoPrograms;
import dev.loopscope.run.DemoRunner;
import dev.loopscope.ui.MainWindow.Entry;
import dev.loopscope.ui.lesson.LessonLibrary;
import dev.loopscope.ui.quiz.ProgressStore;
import dev.loopscope.ui.timeline.LaneLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private MainWindow window;
    private final FakeDialogs dialogs = new FakeDialogs();
    private final ProgressStore.InMemory progress = new ProgressStore.InMemory();
    private ExecutorService background;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "test-run");
            t.setDaemon(true);
            return t;
        });
        window = new MainWindow(stage, new MainWindow.Services(new DemoRunner(), dialogs, progress, background));
        stage.setWidth(1024);
        stage.setHeight(700);
        stage.show();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    private void fx(Runnable r) {
        WaitForAsyncUtils.waitForAsyncFx(10_000, r);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void openDemo(DemoPrograms.Demo demo) throws Exception {
        fx(() -> window.open(new Entry.DemoEntry(demo)));
        waitUntil(() -> !window.run().isRunning() && window.player().getIndex() != null
                && window.timeline().layoutResultProperty().get() != null);
    }

    @Test
    void runsTheGatherDemoAndDrawsOneLanePerTask() throws Exception {
        openDemo(DemoPrograms.GATHER);
        LaneLayout.Result layout = window.timeline().layoutResultProperty().get();
        assertThat(layout.rows()).extracting(LaneLayout.Row::label)
                .containsExactly("Event loop", "Task-1", "Task-2", "Task-3", "Task-4", "Task-5");
        assertThat(window.console().lines()).isEmpty();
        fx(() -> window.player().toEnd());
        assertThat(window.console().text()).isEqualTo("job 0 done\njob 1 done\ncaught boom\njob 3 done\nmain done\n");
    }

    @Test
    void steppingShowsTheReadyQueueAndHighlightsWhatChanged(FxRobot robot) throws Exception {
        openDemo(DemoPrograms.GATHER);
        TraceIndex ix = window.player().getIndex();
        int suspended = -1;
        for (int i = 0; i < ix.trace().size(); i++) {
            if (ix.trace().event(i) instanceof dev.loopscope.engine.trace.TraceEvent.TaskSuspended s && s.task() == 0) {
                suspended = i;
                break;
            }
        }
        int target = suspended;
        fx(() -> window.player().seekEvent(target - 1));
        fx(() -> window.timeline().requestFocus());
        robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.player().getPosition()).isEqualTo(target);
        assertThat(window.loop().readyLabels()).containsExactly("1. Task-2 · __step", "2. Task-3 · __step",
                "3. Task-4 · __step", "4. Task-5 · __step");
        assertThat(window.timeline().highlightedProperty().get()).contains(ix.taskLane(0));
        robot.press(KeyCode.LEFT).release(KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.player().getPosition()).isEqualTo(target - 1);
        assertThat(window.code().currentLineProperty().get()).isGreaterThan(0);
    }

    @Test
    void playingAdvancesTheClockByHand() throws Exception {
        openDemo(DemoPrograms.GATHER);
        fx(() -> {
            window.clock().setSpeed(1);
            window.clock().play();
            window.clock().pause();
            window.clock().advance(Duration.ofMillis(250));
        });
        assertThat(window.player().getTime()).isEqualTo(250_000_000L);
        assertThat(window.console().text()).isEqualTo("job 0 done\njob 1 done\n");
        assertThat(window.timeline().playheadProperty().get()).isEqualTo(250_000_000L);
        fx(() -> window.clock().advance(Duration.ofSeconds(5)));
        assertThat(window.player().isAtEnd()).isTrue();
    }

    @Test
    void scrubberMovesThePlayhead() throws Exception {
        openDemo(DemoPrograms.GATHER);
        fx(() -> lookupScrubber().setValue(350));
        assertThat(window.player().getTime()).isEqualTo(350_000_000L);
        assertThat(window.console().text()).contains("caught boom");
    }

    private javafx.scene.control.Slider lookupScrubber() {
        return (javafx.scene.control.Slider) stage.getScene().lookup("#scrubber");
    }

    @Test
    void aKnobRewritesTheCodeAndRunsAgain() throws Exception {
        openDemo(DemoPrograms.GATHER);
        TraceIndex before = window.player().getIndex();
        javafx.scene.control.CheckBox toggle = (javafx.scene.control.CheckBox) stage.getScene().lookup("#knob-exceptions");
        fx(() -> toggle.setSelected(true));
        waitUntil(() -> window.player().getIndex() != before && !window.run().isRunning());
        assertThat(window.code().getText()).contains("return_exceptions=True");
        fx(() -> window.player().toEnd());
        assertThat(window.console().text()).contains("[0, 1, ValueError('boom'), 3]");
    }

    @Test
    void anUnknownProgramShowsAnErrorAtItsLine() throws Exception {
        openDemo(DemoPrograms.GATHER);
        fx(() -> {
            window.code().setText("print('hello')\n");
            window.runProgram();
        });
        waitUntil(() -> window.code().errorMessage() != null);
        assertThat(window.code().errorMessage()).startsWith("Line 1, column 1:");
    }

    @Test
    void blockingLabShowsTwoRunsOnOneAxisWithAFrozenLoop() throws Exception {
        openDemo(DemoPrograms.BLOCKING);
        waitUntil(() -> window.offloadedTimeline().getIndex() != null && !window.companion().isRunning()
                && window.offloadedTimeline().layoutResultProperty().get() != null);
        assertThat(window.timeline().getIndex().frozen()).hasSize(1);
        assertThat(window.offloadedTimeline().getIndex().frozen()).isEmpty();
        assertThat(window.timeline().getScale()).isEqualTo(window.offloadedTimeline().getScale());
        assertThat(window.offloadedTimeline().layoutResultProperty().get().rows())
                .anyMatch(r -> r.label().startsWith("asyncio_0"));
        double x = window.timeline().getScale().toX(700_000_000L) + 170;
        String tip = window.timeline().describeAt(x, 26 + 13);
        assertThat(tip).contains("Event loop").contains("blocked");
    }

    @Test
    void modelsLabRunsFourModelsAndChartsThem() throws Exception {
        fx(() -> window.open(new Entry.DemoEntry(DemoPrograms.THREADS)));
        waitUntil(() -> !window.models().isRunning() && window.models().wallTimes().size() == 4);
        var walls = window.models().wallTimes();
        // CPU-bound: the process pool and free threading beat threads under the GIL.
        assertThat(walls.get(2).doubleValue()).isLessThan(walls.get(0).doubleValue());
        assertThat(walls.get(1).doubleValue()).isLessThan(walls.get(0).doubleValue());
        var gil = window.models().timelines().getFirst().layoutResultProperty().get();
        assertThat(gil.rows()).anyMatch(r -> r.label().startsWith("GIL"));
    }

    @Test
    void presenterModeHidesChromeAndAnswersTheKeyboard(FxRobot robot) throws Exception {
        openDemo(DemoPrograms.GATHER);
        fx(() -> window.timeline().requestFocus());
        robot.press(KeyCode.F5).release(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.presentingProperty().get()).isTrue();
        assertThat(window.timeline().getUiScale()).isEqualTo(1.75);
        assertThat(stage.getScene().lookup("#navigator")).isNull();
        robot.press(KeyCode.PAGE_DOWN).release(KeyCode.PAGE_DOWN);
        robot.press(KeyCode.PAGE_DOWN).release(KeyCode.PAGE_DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.player().getPosition()).isEqualTo(1);
        robot.press(KeyCode.END).release(KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.player().isAtEnd()).isTrue();
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.presentingProperty().get()).isFalse();
        assertThat(window.timeline().getUiScale()).isEqualTo(1.0);
        assertThat(stage.getScene().lookup("#navigator")).isNotNull();
    }

    @Test
    void themesSwitchTheTimelineInks() throws Exception {
        openDemo(DemoPrograms.GATHER);
        var light = window.timeline().color(dev.loopscope.ui.timeline.TimelineView.Ink.BACKGROUND);
        fx(() -> window.themeProperty().set(Theme.DARK));
        var dark = window.timeline().color(dev.loopscope.ui.timeline.TimelineView.Ink.BACKGROUND);
        assertThat(dark).isNotEqualTo(light);
        fx(() -> window.themeProperty().set(Theme.HIGH_CONTRAST));
        assertThat(window.timeline().getLineWidth()).isEqualTo(3.0);
        assertThat(window.timeline().color(dev.loopscope.ui.timeline.TimelineView.Ink.TEXT))
                .isEqualTo(javafx.scene.paint.Color.BLACK);
        fx(() -> window.themeProperty().set(Theme.LIGHT));
    }

    @Test
    void exportsAPng(@TempDir Path dir) throws Exception {
        openDemo(DemoPrograms.GATHER);
        Path png = dir.resolve("timeline.png");
        fx(() -> window.exportPng(png, 2));
        var image = javax.imageio.ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isGreaterThan(800);
        Path gif = dir.resolve("anim.gif");
        fx(() -> window.exportGif(gif, 4));
        assertThat(Files.size(gif)).isGreaterThan(1000);
    }

    @Test
    void lessonsRenderAndTheQuizScores(FxRobot robot) throws Exception {
        fx(() -> window.loadLibrary(new LessonLibrary()));
        waitUntil(() -> !window.run().isRunning() && window.player().getIndex() != null);
        assertThat(window.navigator().getItems()).anyMatch(e -> e.label().startsWith("9."));
        assertThat(window.lessonView().getChildren()).isNotEmpty();
        fx(() -> window.showQuiz());
        // The course's lesson 9: question 1's answer is c, question 2 is true; the total comes from the model.
        int total = new LessonLibrary().load().lesson("9").orElseThrow().questions().size();
        // Options may sit below the fold of the small headless screen: press them directly.
        fx(() -> robot.lookup("#q1-a").queryButton().fire());
        assertThat(window.quizPane().scoreText()).startsWith("Score: 0 / " + total);
        fx(() -> robot.lookup("#q1-c").queryButton().fire());
        assertThat(window.quizPane().scoreText()).startsWith("Score: 1 / " + total);
        fx(() -> robot.lookup("#q2-true").queryButton().fire());
        assertThat(window.quizPane().scoreText()).startsWith("Score: 2 / " + total);
        assertThat(progress.load("lesson-9")).containsEntry(1, "c");
    }

    @Test
    void thousandsOfTasksAreAggregated() throws Exception {
        openDemo(DemoPrograms.TASKS_1000);
        LaneLayout.Result r = window.timeline().layoutResultProperty().get();
        assertThat(r.aggregated()).isTrue();
        assertThat(r.rows()).anyMatch(row -> row.label().endsWith("tasks"));
    }

    @Test
    void decisionChooserOpensTheRecommendedModel(FxRobot robot) throws Exception {
        var course = new LessonImporter().importText(Path.of("c.md"), new String(
                LessonLibrary.class.getResourceAsStream("course.md").readAllBytes()));
        fx(() -> window.openLesson(course.lesson("11").orElseThrow()));
        waitUntil(() -> !window.models().isRunning());
        fire("#decision-no");   // not I/O-bound
        fire("#decision-yes");  // needs several cores
        fire("#decision-open");
        waitUntil(() -> !window.models().isRunning() && window.models().result(dev.loopscope.ui.lab.ModelsLab.Model.PROCESSES) != null);
        assertThat(window.models().selected()).isEqualTo(dev.loopscope.ui.lab.ModelsLab.Model.PROCESSES);
    }

    private void fire(String id) {
        fx(() -> ((javafx.scene.control.Button) stage.getScene().lookup(id)).fire());
    }

    static {
        HeadlessFx.init();
    }
}
