package dev.loopscope.ui;

import dev.loopscope.lesson.Lesson;
import dev.loopscope.quiz.ProgressStore;
import dev.loopscope.run.PythonProgramOutputs;
import dev.loopscope.run.PythonRunner;
import dev.loopscope.ui.lesson.LessonLibrary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A real main window on JavaFX's headless platform, running real Python through {@link PythonRunner} on two
 * background threads, with quiz progress in a fresh directory. Waits are for conditions, never for time.
 */
abstract class WindowTestBase {

    static {
        HeadlessFx.init();
    }

    protected MainWindow window;
    protected final FakeDialogs dialogs = new FakeDialogs();
    protected Path progressDir;
    protected ExecutorService background;
    protected Stage stage;
    protected final FxRobot robot = new FxRobot();

    @BeforeEach
    void openWindow() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            try {
                start(s);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void start(Stage stage) throws IOException {
        this.stage = stage;
        progressDir = Files.createTempDirectory("loopscope-progress");
        prepareProgress(progressDir);
        AtomicInteger n = new AtomicInteger();
        background = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(null, r, "test-run-" + n.incrementAndGet(), 64L << 20);
            t.setDaemon(true);
            return t;
        });
        window = new MainWindow(stage, new MainWindow.Services(new PythonRunner(), dialogs,
                new ProgressStore(progressDir), new PythonProgramOutputs(), background));
        stage.setWidth(1280);
        stage.setHeight(800);
        // The headless screen is 1000 pixels square and copies each frame into it unclipped: a window whose
        // frame reaches below its bottom edge (a full-screen frame drawn after leaving full screen lower down)
        // fails there. At the top left corner every frame fits.
        stage.setX(0);
        stage.setY(0);
        stage.show();
    }

    /** Lets a test put a progress file in place before the window reads it. */
    protected void prepareProgress(Path dir) throws IOException {
    }

    @AfterEach
    void stopRuns() throws Exception {
        fx(() -> {
            window.cancelRuns();
            window.clock().pause();
            if (window.presentingProperty().get()) {
                window.setPresenting(false);
            }
            stage.hide();
        });
        background.shutdownNow();
        background.awaitTermination(10, TimeUnit.SECONDS);
        try (var files = Files.walk(progressDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    protected static void fx(Runnable r) {
        WaitForAsyncUtils.waitForAsyncFx(20_000, r);
        WaitForAsyncUtils.waitForFxEvents();
    }

    protected static <T> T onFx(Supplier<T> s) {
        Object[] out = new Object[1];
        fx(() -> out[0] = s.get());
        @SuppressWarnings("unchecked")
        T t = (T) out[0];
        return t;
    }

    protected static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Loads the course and opens lesson {@code number}, waiting until its runs have finished and are drawn. */
    protected void openLesson(String number) throws Exception {
        fx(() -> {
            window.library().load();
            window.openLesson(number);
        });
        waitForRuns();
    }

    protected void waitForRuns() throws Exception {
        waitUntil(() -> !window.isRunning() && window.player().getIndex() != null);
    }

    protected static Lesson lesson(String number) {
        return new LessonLibrary().load().lesson(number).orElseThrow();
    }

    protected <T extends Node> T lookup(String selector) {
        @SuppressWarnings("unchecked")
        T node = (T) stage.getScene().lookup(selector);
        if (node == null) {
            throw new AssertionError("nothing on screen matches " + selector);
        }
        return node;
    }

    protected static Path write(Path dir, String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
