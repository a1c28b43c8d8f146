package dev.loopscope.ui.export;

import dev.loopscope.lesson.Course;
import dev.loopscope.lesson.Lesson;
import dev.loopscope.lesson.ProgramOutputs;
import dev.loopscope.quiz.ProgressStore;
import dev.loopscope.run.PythonRunner;
import dev.loopscope.ui.Dialogs;
import dev.loopscope.ui.MainWindow;
import dev.loopscope.ui.Theme;
import dev.loopscope.ui.lab.ModelVariants.Model;
import dev.loopscope.ui.lesson.LessonLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Renders the window on a lesson's or a program's lab at a virtual time into a PNG, off screen on JavaFX's
 * headless platform: what {@code loopscope export} does, and how the README's screenshots are made.
 */
public final class ExportJob {

    /**
     * @param target a lesson number ("9"), a lesson file (.md) or a Python program (.py)
     * @param atSeconds the virtual time of the picture; negative: the end of the run
     * @param model in the models lab, the tab to show: "lesson", "threads-gil", "threads-free", "processes",
     *     "asyncio"; null for the lesson's program
     * @param labOnly picture the lab alone rather than the whole window
     */
    public record Request(String target, double atSeconds, Path out, Theme theme, double scale, int width, int height,
                          boolean presenter, String model, boolean labOnly) {}

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
        return done.get(10, TimeUnit.MINUTES);
    }

    /** Starts JavaFX on its headless platform (software rendering), unless asked to use the screen. */
    public static void startHeadless() throws InterruptedException {
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

    /** Dialogs for a window nobody sees: nothing to choose, messages go to standard error. */
    static final Dialogs QUIET = new Dialogs() {
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

    /** Renders on the FX thread; the runs happen right here, so the picture shows them finished. */
    public static String render(Request r) throws IOException {
        Stage stage = new Stage();
        Path progress = Files.createTempDirectory("loopscope-export");
        // Nothing is answered here, so the directory stays empty and goes when the JVM does.
        progress.toFile().deleteOnExit();
        MainWindow w = new MainWindow(stage, new MainWindow.Services(new PythonRunner(), QUIET,
                new ProgressStore(progress), ProgramOutputs.installed().orElse(ProgramOutputs.unavailable()),
                Runnable::run, Runnable::run));
        stage.setWidth(r.width());
        stage.setHeight(r.height());
        w.scene().getRoot().resize(r.width(), r.height());
        w.themeProperty().set(r.theme());
        open(w, r.target());
        if (r.model() != null) {
            w.models().select(model(r.model()));
        }
        if (r.presenter()) {
            // Scaled for the picture's height, as the window would be on a screen that size.
            w.setPresenterScale(MainWindow.presenterScaleFor(r.height()));
            w.setPresenting(true);
        }
        layout(w, r);
        if (r.atSeconds() < 0) {
            w.player().toEnd();
        } else {
            w.player().seekTime((long) (r.atSeconds() * 1e9));
        }
        layout(w, r);
        Exporter.png(r.labOnly() ? w.exportNode() : w.scene().getRoot(), r.scale(), r.out());
        stage.close();
        return "wrote " + r.out();
    }

    private static void layout(MainWindow w, Request r) {
        w.scene().getRoot().resize(r.width(), r.height());
        w.scene().getRoot().applyCss();
        w.scene().getRoot().layout();
        // Timelines fit once they know their width; a second pass draws them fitted.
        w.scene().getRoot().layout();
    }

    static Optional<Model> model(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace('_', '-');
        for (Model m : Model.values()) {
            if (m.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(n)) {
                return Optional.of(m);
            }
        }
        if (n.equals("lesson")) {
            return Optional.empty();
        }
        throw new IllegalArgumentException("no model '" + name + "' (lesson, threads-gil, threads-free, processes, asyncio)");
    }

    static void open(MainWindow w, String target) throws IOException {
        Path file = Path.of(target);
        if (target.endsWith(".py")) {
            if (!Files.isRegularFile(file)) {
                throw new IOException("no such file: " + target);
            }
            w.library().openProgramFile(file);
            return;
        }
        if (target.endsWith(".md")) {
            if (!Files.isRegularFile(file)) {
                throw new IOException("no such file: " + target);
            }
            Course course = new LessonLibrary().open(file);
            if (course.lessons().isEmpty()) {
                throw new IOException("no lesson in " + target);
            }
            w.library().openLessonFile(file);
            return;
        }
        w.library().load();
        Optional<Lesson> lesson = w.library().course().lesson(target);
        if (lesson.isEmpty()) {
            throw new IOException("no lesson " + target + " (lessons: " + String.join(", ",
                    w.library().course().lessons().stream().map(Lesson::number).toList())
                    + "; or give a lesson file .md or a program .py)");
        }
        w.openLesson(target);
    }
}
