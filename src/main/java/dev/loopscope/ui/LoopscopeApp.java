package dev.loopscope.ui;

import dev.loopscope.lesson.ProgramOutputs;
import dev.loopscope.quiz.ProgressStore;
import dev.loopscope.run.PythonRunner;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The desktop application: one {@link MainWindow} on the lessons found on disk or bundled. */
public final class LoopscopeApp extends Application {

    private ExecutorService background;

    /** Opens the window (what {@code loopscope} with no command does). */
    public static void launchWindow(String... args) {
        Application.launch(LoopscopeApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        background = backgroundExecutor();
        MainWindow window = open(stage, services(stage, background), Screen.getPrimary().getVisualBounds());
        var named = getParameters().getNamed();
        if (named.containsKey("theme")) {
            window.themeProperty().set(Theme.parse(named.get("theme")));
        }
        String target = named.get("open");
        if (target != null) {
            window.openTarget(target);
        }
        if ("true".equals(named.get("presenter"))) {
            window.setPresenting(true);
        }
    }

    /**
     * Builds the window on the course's first lesson and shows it filling {@code bounds}. The lesson is loaded
     * before the window shows, so the first frame has it and styles and lays out the scene once.
     */
    public static MainWindow open(Stage stage, MainWindow.Services services, Rectangle2D bounds) {
        MainWindow window = new MainWindow(stage, services);
        window.loadLibrary();
        // Without a window manager (or before one answers) "maximised" means nothing: size to the screen ourselves.
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setWidth(bounds.getWidth());
        stage.setHeight(bounds.getHeight());
        stage.setMaximized(true);
        stage.show();
        return window;
    }

    static MainWindow.Services services(Stage stage, ExecutorService background) {
        return new MainWindow.Services(new PythonRunner(), new FxDialogs(stage), ProgressStore.forCurrentUser(),
                ProgramOutputs.installed().orElse(ProgramOutputs.unavailable()), background);
    }

    /** Two run threads: the blocking lab's pair and the models run side by side on a two-core laptop. */
    static ExecutorService backgroundExecutor() {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(null, r, "loopscope-run-" + n.incrementAndGet(), 64L << 20);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void stop() {
        if (background != null) {
            background.shutdownNow();
        }
    }
}
