package dev.loopscope.ui.export;

import dev.loopscope.lesson.Course;
import dev.loopscope.lesson.Lesson;
import dev.loopscope.run.DemoPrograms;
import dev.loopscope.run.DemoRunner;
import dev.loopscope.run.ProgramRunner;
import dev.loopscope.ui.Dialogs;
import dev.loopscope.ui.MainWindow;
import dev.loopscope.ui.Theme;
import dev.loopscope.ui.lesson.LessonLibrary;
import dev.loopscope.ui.lesson.Program;
import dev.loopscope.ui.quiz.ProgressStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Renders a lesson's or a program's lab at a virtual time into a PNG, off screen on JavaFX's headless platform:
 * what {@code loopscope export} does, and how the README's screenshots are made.
 */
public final class ExportJob {

    /**
     * @param target a demo name ("gather", "blocking", …), a lesson number ("9"), a lesson file (.md) or a program (.py)
     * @param atSeconds the virtual time of the picture; negative: the end of the run
     */
    public record Request(String target, double atSeconds, Path out, Theme theme, double scale, int width, int height,
                          boolean presenter) {}

    private ExportJob() {
    }

    /** Starts the FX toolkit headless (if it is not running yet) and renders; returns a message for the user. */
    public static String run(Request r) throws Exception {
        startHeadless();
        CompletableFuture<String> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                done.complete(render(r));
            } catch (Exception | Error e) {
                done.completeExceptionally(e);
            }
        });
        return done.get(5, TimeUnit.MINUTES);
    }

    private static void startHeadless() throws InterruptedException {
        if (System.getProperty("glass.platform") == null && System.getenv("LOOPSCOPE_EXPORT_ON_SCREEN") == null) {
            System.setProperty("glass.platform", "Headless");
            System.setProperty("prism.order", "sw");
        }
        CompletableFuture<Void> started = new CompletableFuture<>();
        try {
            Platform.startup(() -> started.complete(null));
            started.join();
        } catch (IllegalStateException alreadyRunning) {
            // The toolkit is up already (tests, or a second export).
        }
        Platform.setImplicitExit(false);
    }

    /** Renders on the FX thread. */
    public static String render(Request r) throws IOException {
        Dialogs quiet = new Dialogs() {
            @Override
            public Optional<Path> chooseOpen(String title, List<String> extensions) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> chooseSave(String title, String suggestedName, List<String> extensions) {
                return Optional.empty();
            }

            @Override
            public void message(String title, String text) {
                System.err.println(title + ": " + text);
            }
        };
        Stage stage = new Stage();
        ProgramRunner runner = new DemoRunner();
        MainWindow w = new MainWindow(stage, new MainWindow.Services(runner, quiet, new ProgressStore.InMemory(),
                Runnable::run, Runnable::run));
        stage.setWidth(r.width());
        stage.setHeight(r.height());
        w.scene().getRoot().resize(r.width(), r.height());
        w.themeProperty().set(r.theme());
        open(w, r.target());
        if (r.presenter()) {
            w.setPresenting(true);
        }
        w.scene().getRoot().resize(r.width(), r.height());
        w.scene().getRoot().applyCss();
        w.scene().getRoot().layout();
        if (r.atSeconds() < 0) {
            w.player().toEnd();
        } else {
            w.player().seekTime((long) (r.atSeconds() * 1e9));
        }
        w.scene().getRoot().layout();
        Exporter.png(w.scene().getRoot(), r.scale(), r.out());
        return "wrote " + r.out();
    }

    static void open(MainWindow w, String target) throws IOException {
        Optional<DemoPrograms.Demo> demo = DemoPrograms.byId(target);
        if (demo.isPresent()) {
            w.openProgram(Program.of(demo.get()), null);
            return;
        }
        Path file = Path.of(target);
        if (target.endsWith(".py") && Files.isRegularFile(file)) {
            w.openProgramFile(file);
            return;
        }
        Course course = target.endsWith(".md") && Files.isRegularFile(file) ? new LessonLibrary().open(file)
                : new LessonLibrary().load();
        Optional<Lesson> lesson = target.endsWith(".md") ? course.lessons().stream().findFirst() : course.lesson(target);
        if (lesson.isEmpty()) {
            throw new IOException("no demo, lesson or file named " + target + " (demos: "
                    + String.join(", ", DemoPrograms.ALL.stream().map(DemoPrograms.Demo::id).toList()) + ")");
        }
        w.openLesson(lesson.get());
    }
}
