package dev.loopscope.ui;

import dev.loopscope.run.DemoRunner;
import dev.loopscope.ui.lesson.LessonLibrary;
import dev.loopscope.ui.quiz.ProgressStore;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.stage.Stage;

/** The desktop application: one {@link MainWindow} on the lessons found on disk. */
public final class LoopscopeApp extends Application {

    private ExecutorService background;

    @Override
    public void start(Stage stage) {
        background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "loopscope-run");
            t.setDaemon(true);
            return t;
        });
        MainWindow window = new MainWindow(stage, new MainWindow.Services(new DemoRunner(), new FxDialogs(stage),
                ProgressStore.FileStore.inUserHome(), background));
        stage.setMaximized(true);
        stage.show();
        window.loadLibrary(new LessonLibrary());
    }

    @Override
    public void stop() {
        if (background != null) {
            background.shutdownNow();
        }
    }
}
