package dev.loopscope.ui;

import dev.loopscope.engine.Settings;
import dev.loopscope.engine.trace.Snapshot;
import dev.loopscope.engine.trace.TraceIndex;
import dev.loopscope.lesson.Course;
import dev.loopscope.lesson.LabView;
import dev.loopscope.lesson.Lesson;
import dev.loopscope.lesson.ProgramOutputs;
import dev.loopscope.lesson.Predictions;
import dev.loopscope.lesson.Question;
import dev.loopscope.run.DemoPrograms;
import dev.loopscope.run.ProgramRunner;
import dev.loopscope.run.RunResult;
import dev.loopscope.ui.code.CodePane;
import dev.loopscope.ui.console.ConsolePane;
import dev.loopscope.ui.export.Exporter;
import dev.loopscope.ui.lab.BlockingVariants;
import dev.loopscope.ui.lab.ModelsLab;
import dev.loopscope.ui.lesson.KnobsPane;
import dev.loopscope.ui.lesson.LessonLibrary;
import dev.loopscope.ui.lesson.LessonView;
import dev.loopscope.ui.lesson.Program;
import dev.loopscope.ui.loop.LoopPane;
import dev.loopscope.ui.player.PlaybackClock;
import dev.loopscope.ui.player.PlayerModel;
import dev.loopscope.ui.player.TransportBar;
import dev.loopscope.ui.quiz.ProgressStore;
import dev.loopscope.ui.quiz.QuizPane;
import dev.loopscope.ui.quiz.QuizViewModel;
import dev.loopscope.ui.run.RunViewModel;
import dev.loopscope.ui.timeline.LaneFilter;
import dev.loopscope.ui.timeline.TimelineView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The Loopscope window: lesson navigator, lesson text and quiz, the code, the lab (one timeline, two side by
 * side on one time axis, or four models with charts), the loop's insides, the console, transport and status.
 * Presenter mode hides the chrome, scales everything and answers to the keyboard alone.
 */
public final class MainWindow {

    /** What the window needs from outside: the program runner, dialogs, quiz progress and a background executor. */
    public record Services(ProgramRunner runner, Dialogs dialogs, ProgressStore progress, Executor background,
                           Executor ui) {
        /** Results are published on the FX thread. */
        public Services(ProgramRunner runner, Dialogs dialogs, ProgressStore progress, Executor background) {
            this(runner, dialogs, progress, background, Platform::runLater);
        }
    }

    /** A navigator entry: a lesson or a demo program. */
    public sealed interface Entry {
        String label();

        record LessonEntry(Lesson lesson) implements Entry {
            public String label() {
                return lesson.number() + ". " + lesson.title();
            }
        }

        record DemoEntry(DemoPrograms.Demo demo) implements Entry {
            public String label() {
                return "Example: " + demo.title();
            }
        }
    }

    private final Stage stage;
    private final Services services;
    private final BorderPane root = new BorderPane();
    private final Scene scene;
    private final PlayerModel player = new PlayerModel();
    private final PlaybackClock clock = new PlaybackClock(player);
    private final RunViewModel run;
    private final RunViewModel companion;
    private final ListView<Entry> navigator = new ListView<>();
    private final LessonView lessonView = new LessonView();
    private final QuizViewModel quiz;
    private final QuizPane quizPane;
    private final CodePane code = new CodePane();
    private final KnobsPane knobs = new KnobsPane();
    private final ConsolePane console = new ConsolePane();
    private final LoopPane loop = new LoopPane();
    private final TimelineView timeline = new TimelineView();
    private final TimelineView offloadedTimeline = new TimelineView();
    private final ModelsLab models;
    private final StackPane lab = new StackPane();
    private final TransportBar transport;
    private final Label status = new Label();
    private final Label stopReason = new Label();
    private final Label clockLabel = new Label();
    private final ProgressIndicator progress = new ProgressIndicator();
    private final Button cancel = new Button("Cancel");
    private final TextField laneFilter = new TextField();
    private final ComboBox<String> stateFilter = new ComboBox<>();
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final ReadOnlyBooleanWrapper presenting = new ReadOnlyBooleanWrapper(this, "presenting");
    private final ObjectProperty<Double> presenterScale = new SimpleObjectProperty<>(this, "presenterScale", 1.75);
    private final MenuBar menu = new MenuBar();
    private final ToolBar toolbar = new ToolBar();
    private final HBox statusBar;
    private final TabPane sideTabs = new TabPane();
    private final SplitPane main = new SplitPane();
    private final SplitPane work = new SplitPane();
    private final Label codeTitle = new Label("Program");
    private Course course = new Course(List.of(), List.of());
    private Program program;
    private String scaleSheet;
    private HBox labBar;

    public MainWindow(Stage stage, Services services) {
        this.stage = stage;
        this.services = services;
        Executor ui = services.ui();
        this.run = new RunViewModel(services.runner(), services.background(), ui);
        this.companion = new RunViewModel(services.runner(), services.background(), ui);
        this.quiz = new QuizViewModel(services.progress());
        this.quizPane = new QuizPane(quiz);
        this.models = new ModelsLab(services.runner(), services.background(), ui);
        this.transport = new TransportBar(player, clock);
        this.statusBar = new HBox(10);
        build();
        scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(MainWindow.class.getResource("app.css").toExternalForm());
        theme.addListener((o, a, b) -> b.apply(scene));
        theme.get().apply(scene);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        stage.setScene(scene);
        stage.setTitle("Loopscope");
        stage.fullScreenProperty().addListener((o, a, b) -> {
            if (!b && presenting.get()) {
                setPresenting(false);
            }
        });
        stage.setFullScreenExitHint("");
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
    }

    public Scene scene() {
        return scene;
    }

    // Building --------------------------------------------------------------------------------------

    private void build() {
        navigator.setId("navigator");
        navigator.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Entry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : e.label());
            }
        });
        navigator.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                open(b);
            }
        });
        navigator.setPrefHeight(170);
        navigator.setMinHeight(80);

        ScrollPane lessonScroll = new ScrollPane(lessonView);
        lessonScroll.setFitToWidth(true);
        ScrollPane quizScroll = new ScrollPane(quizPane);
        quizScroll.setFitToWidth(true);
        Tab lessonTab = new Tab("Lesson", lessonScroll);
        Tab quizTab = new Tab("Quiz", quizScroll);
        lessonTab.setClosable(false);
        quizTab.setClosable(false);
        sideTabs.getTabs().addAll(lessonTab, quizTab);
        sideTabs.setId("side-tabs");
        lessonView.setOnChooseModel(m -> openModel(m));
        quizPane.setOnPredict(this::predict);
        VBox side = new VBox(navigator, sideTabs);
        VBox.setVgrow(sideTabs, Priority.ALWAYS);
        side.setMinWidth(0);

        code.setOnRun(this::runProgram);
        knobs.setOnChange(this::applyKnobs);
        knobs.setPadding(new Insets(4, 6, 4, 6));
        Button runButton = new Button("Run", new FontIcon(Material2MZ.PLAY_CIRCLE_OUTLINE));
        runButton.setId("run");
        runButton.getStyleClass().add("accent");
        runButton.setTooltip(new Tooltip("Run the code (Ctrl+Enter)"));
        runButton.setOnAction(e -> runProgram());
        codeTitle.getStyleClass().add("pane-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox codeBar = new HBox(6, codeTitle, spacer, runButton);
        codeBar.setAlignment(Pos.CENTER_LEFT);
        codeBar.setPadding(new Insets(2, 4, 2, 4));
        VBox codeBox = new VBox(codeBar, knobs, code);
        VBox.setVgrow(code, Priority.ALWAYS);
        code.setId("code");
        codeBox.setMinWidth(0);
        loop.setId("loop");
        SplitPane top = new SplitPane(codeBox, loop);
        top.setDividerPositions(0.55);

        timeline.setId("timeline");
        offloadedTimeline.setId("timeline-offloaded");
        timeline.setOnSeek(this::seek);
        offloadedTimeline.setOnSeek(this::seek);
        offloadedTimeline.legendVisibleProperty().set(false);
        offloadedTimeline.scaleProperty().bindBidirectional(timeline.scaleProperty());
        offloadedTimeline.filterProperty().bind(timeline.filterProperty());
        offloadedTimeline.uiScaleProperty().bind(timeline.uiScaleProperty());
        models.setOnSelect(m -> {
            TraceIndex ix = models.result(m);
            if (ix != null) {
                code.setText(models.source(m));
                showRun(ix);
            }
        });
        for (TimelineView t : models.timelines()) {
            t.setOnSeek(this::seek);
            t.uiScaleProperty().bind(timeline.uiScaleProperty());
        }
        lab.setId("lab");
        VBox consoleBox = new VBox(titled("Console", null), console);
        VBox.setVgrow(console, Priority.ALWAYS);
        console.setId("console");
        work.setOrientation(Orientation.VERTICAL);
        work.getItems().addAll(top, lab, consoleBox);
        work.setDividerPositions(0.34, 0.84);
        main.getItems().addAll(side, work);
        main.setDividerPositions(0.26);

        buildMenu();
        buildToolbar();
        stopReason.getStyleClass().add("stop-reason");
        stopReason.setId("stop-reason");
        status.setId("status");
        status.textProperty().bind(run.statusProperty());
        stopReason.textProperty().bind(run.stopReasonProperty());
        clockLabel.setId("clock");
        progress.setPrefSize(16, 16);
        progress.visibleProperty().bind(run.runningProperty());
        cancel.visibleProperty().bind(run.runningProperty());
        cancel.setOnAction(e -> run.cancel());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        statusBar.getChildren().addAll(progress, cancel, status, stopReason, grow, clockLabel);
        statusBar.getStyleClass().add("status-bar");
        statusBar.setAlignment(Pos.CENTER_LEFT);

        root.setTop(new VBox(menu, toolbar));
        root.setCenter(main);
        root.setBottom(statusBar);

        run.errorProperty().addListener((o, a, b) -> code.errorProperty().set(b));
        player.snapshotProperty().addListener(o -> followPlayhead());
        player.timeProperty().addListener(o -> followPlayhead());
        code.area().textProperty().addListener(o -> {
            if (code.errorProperty().get() == null) {
                code.errorProperty().set(null);
            }
        });
    }

    private static Label titled(String text, String id) {
        Label l = new Label(text);
        l.getStyleClass().add("pane-title");
        if (id != null) {
            l.setId(id);
        }
        return l;
    }

    private void buildMenu() {
        MenuItem openLesson = new MenuItem("Open lesson file…");
        openLesson.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        openLesson.setOnAction(e -> services.dialogs().chooseOpen("Open a lesson", List.of("*.md"))
                .ifPresent(this::openLessonFile));
        MenuItem openProgram = new MenuItem("Open Python program…");
        openProgram.setOnAction(e -> services.dialogs().chooseOpen("Open a program", List.of("*.py"))
                .ifPresent(this::openProgramFile));
        MenuItem png = new MenuItem("Export timeline as PNG…");
        png.setAccelerator(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
        png.setOnAction(e -> services.dialogs().chooseSave("Export PNG", "timeline.png", List.of("*.png"))
                .ifPresent(p -> exportPng(p, 2)));
        MenuItem gif = new MenuItem("Export animation as GIF…");
        gif.setOnAction(e -> services.dialogs().chooseSave("Export GIF", "timeline.gif", List.of("*.gif"))
                .ifPresent(p -> exportGif(p, 40)));
        MenuItem frames = new MenuItem("Export animation as PNG frames…");
        frames.setOnAction(e -> services.dialogs().chooseSave("Export frames (pick a folder name)", "frames",
                List.of("*")).ifPresent(p -> exportFrames(p, 40)));
        MenuItem quit = new MenuItem("Quit");
        quit.setOnAction(e -> stage.close());
        Menu file = new Menu("File", null, openLesson, openProgram, new SeparatorMenuItem(), png, gif, frames,
                new SeparatorMenuItem(), quit);

        Menu themeMenu = new Menu("Theme");
        ToggleGroup themes = new ToggleGroup();
        for (Theme t : Theme.values()) {
            RadioMenuItem item = new RadioMenuItem(t.label);
            item.setToggleGroup(themes);
            item.setSelected(t == theme.get());
            item.setOnAction(e -> theme.set(t));
            theme.addListener((o, a, b) -> item.setSelected(b == t));
            themeMenu.getItems().add(item);
        }
        CheckMenuItem okabe = new CheckMenuItem("Colour-blind-safe palette (Okabe–Ito)");
        okabe.selectedProperty().addListener((o, a, b) -> {
            if (b) {
                root.getStyleClass().add("okabe-ito");
            } else {
                root.getStyleClass().remove("okabe-ito");
            }
        });
        Menu scaleMenu = new Menu("Presenter scale");
        ToggleGroup scales = new ToggleGroup();
        for (double s : new double[] {1.0, 1.25, 1.5, 1.75, 2.0, 2.5}) {
            RadioMenuItem item = new RadioMenuItem(Math.round(s * 100) + " %");
            item.setToggleGroup(scales);
            item.setSelected(s == presenterScale.get());
            item.setOnAction(e -> setPresenterScale(s));
            scaleMenu.getItems().add(item);
        }
        MenuItem presenter = new MenuItem("Presenter mode");
        presenter.setAccelerator(new KeyCodeCombination(KeyCode.F5));
        presenter.setOnAction(e -> setPresenting(!presenting.get()));
        MenuItem fit = new MenuItem("Fit the whole run");
        fit.setAccelerator(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN));
        fit.setOnAction(e -> fitAll());
        CheckMenuItem arrows = new CheckMenuItem("Await and wake-up arrows");
        arrows.selectedProperty().bindBidirectional(timeline.arrowsVisibleProperty());
        CheckMenuItem internals = new CheckMenuItem("Show asyncio's own tasks");
        internals.selectedProperty().addListener((o, a, b) -> timeline.setFilter(timeline.getFilter().withInternal(b)));
        Menu view = new Menu("View", null, themeMenu, okabe, new SeparatorMenuItem(), presenter, scaleMenu,
                new SeparatorMenuItem(), fit, arrows, internals);

        MenuItem about = new MenuItem("About Loopscope");
        about.setOnAction(e -> services.dialogs().message("About Loopscope", About.text()));
        MenuItem keys = new MenuItem("Keyboard");
        keys.setOnAction(e -> services.dialogs().message("Keyboard", About.KEYS));
        Menu help = new Menu("Help", null, keys, about);
        menu.getMenus().addAll(file, view, help);
    }

    private void buildToolbar() {
        laneFilter.setPromptText("Filter lanes by name");
        laneFilter.setId("lane-filter");
        laneFilter.setPrefColumnCount(12);
        laneFilter.textProperty().addListener((o, a, b) -> timeline.setFilter(timeline.getFilter().withText(b)));
        stateFilter.setId("state-filter");
        stateFilter.getItems().addAll("All states", "Running or ready", "Waiting", "Failed or cancelled", "Done");
        stateFilter.setValue("All states");
        stateFilter.valueProperty().addListener((o, a, b) -> timeline.setFilter(timeline.getFilter().withStates(switch (b) {
            case "Running or ready" -> EnumSet.of(dev.loopscope.engine.trace.LaneState.RUNNING,
                    dev.loopscope.engine.trace.LaneState.READY, dev.loopscope.engine.trace.LaneState.BLOCKED);
            case "Waiting" -> EnumSet.of(dev.loopscope.engine.trace.LaneState.WAITING,
                    dev.loopscope.engine.trace.LaneState.SLEEPING);
            case "Failed or cancelled" -> EnumSet.of(dev.loopscope.engine.trace.LaneState.FAILED,
                    dev.loopscope.engine.trace.LaneState.CANCELLED);
            case "Done" -> EnumSet.of(dev.loopscope.engine.trace.LaneState.DONE);
            default -> LaneFilter.ALL.states();
        })));
        Button zoomIn = iconButton(Material2MZ.ZOOM_IN, "Zoom in (+, Ctrl+wheel)", e -> zoom(1.5));
        Button zoomOut = iconButton(Material2MZ.ZOOM_OUT, "Zoom out (−)", e -> zoom(1 / 1.5));
        Button fit = iconButton(Material2AL.ASPECT_RATIO, "Fit the whole run (Ctrl+0)", e -> fitAll());
        Button present = iconButton(Material2MZ.SLIDESHOW, "Presenter mode (F5)", e -> setPresenting(true));
        present.setId("presenter");
        ComboBox<Theme> themeBox = new ComboBox<>();
        themeBox.setId("theme");
        themeBox.getItems().addAll(Theme.values());
        themeBox.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Theme t) {
                return t == null ? "" : t.label;
            }

            @Override
            public Theme fromString(String s) {
                return Theme.LIGHT;
            }
        });
        themeBox.valueProperty().bindBidirectional(theme);
        HBox.setHgrow(transport, Priority.ALWAYS);
        toolbar.getItems().addAll(transport, themeBox, present);
        Label filterLabel = new Label("Lanes");
        HBox bar = new HBox(6, filterLabel, laneFilter, stateFilter, zoomIn, zoomOut, fit);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(2, 6, 2, 6));
        labBar = bar;
    }

    private static Button iconButton(org.kordamp.ikonli.Ikon icon, String tip,
                                     javafx.event.EventHandler<javafx.event.ActionEvent> action) {
        Button b = new Button(null, new FontIcon(icon));
        b.getStyleClass().add("button-icon");
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(action);
        b.setFocusTraversable(false);
        return b;
    }

    // Opening ---------------------------------------------------------------------------------------

    /** Loads the lessons found on disk (or the bundled course) and the demos into the navigator, opening the first. */
    public void loadLibrary(LessonLibrary library) {
        course = library.load();
        List<Entry> entries = new ArrayList<>();
        course.lessons().forEach(l -> entries.add(new Entry.LessonEntry(l)));
        DemoPrograms.ALL.forEach(d -> entries.add(new Entry.DemoEntry(d)));
        navigator.getItems().setAll(entries);
        if (!entries.isEmpty()) {
            navigator.getSelectionModel().selectFirst();
        }
    }

    public ListView<Entry> navigator() {
        return navigator;
    }

    public void open(Entry e) {
        switch (e) {
            case Entry.LessonEntry l -> openLesson(l.lesson());
            case Entry.DemoEntry d -> openProgram(Program.of(d.demo()), null);
        }
    }

    public void openLesson(Lesson lesson) {
        lessonView.show(lesson);
        quiz.load(lesson);
        openProgram(LessonLibrary.programFor(lesson), lesson);
    }

    public void openLessonFile(Path file) {
        Course c = new LessonLibrary().open(file);
        if (c.lessons().isEmpty()) {
            services.dialogs().message("No lesson in " + file.getFileName(), c.problems().stream()
                    .map(Object::toString).reduce("", (a, b) -> a + b + "\n"));
            return;
        }
        List<Entry> entries = new ArrayList<>(navigator.getItems());
        c.lessons().forEach(l -> entries.add(0, new Entry.LessonEntry(l)));
        navigator.getItems().setAll(entries);
        navigator.getSelectionModel().selectFirst();
    }

    public void openProgramFile(Path file) {
        try {
            String source = Files.readString(file);
            openProgram(new Program(file.getFileName().toString(), file.getFileName().toString(), source, List.of(),
                    source.contains("run_in_executor") || source.contains("def blocking") ? LabView.BLOCKING : LabView.TASKS,
                    Optional.empty()), null);
        } catch (IOException ex) {
            services.dialogs().message("Cannot read " + file, ex.getMessage());
        }
    }

    public void openProgram(Program p, Lesson lesson) {
        clock.pause();
        program = p;
        if (lesson == null) {
            lessonView.show(null);
            quiz.load(null);
            Label note = new Label(p.title() + "\n\nAn example program. Edit it and press Run (Ctrl+Enter); "
                    + "step with ← and →, play with Space.");
            note.setWrapText(true);
            lessonView.getChildren().add(note);
        }
        codeTitle.setText(p.title());
        knobs.setKnobs(p.knobs());
        code.errorProperty().set(null);
        code.setText(p.source());
        showLab(p.view());
        if (p.view() == LabView.MODELS) {
            models.runAll();
        } else {
            runProgram();
        }
    }

    private void openModel(String model) {
        ModelsLab.Model m = switch (model) {
            case "processes" -> ModelsLab.Model.PROCESSES;
            case "threads" -> ModelsLab.Model.THREADS_GIL;
            default -> ModelsLab.Model.ASYNCIO;
        };
        if (program == null || program.view() != LabView.MODELS) {
            openProgram(Program.of(DemoPrograms.THREADS), null);
        }
        models.setWorkload(!model.equals("asyncio"), model.equals("asyncio") ? 1000 : 4, 4);
        models.runAll();
        models.select(m);
    }

    private void showLab(LabView view) {
        Node content = switch (view) {
            case TASKS -> timeline;
            case BLOCKING -> {
                Label a = new Label("time.sleep() inside a coroutine: the loop is frozen, the heartbeat is late");
                Label b = new Label("await loop.run_in_executor(None, blocking): a pool thread sleeps, the loop keeps ticking");
                a.getStyleClass().add("lab-caption");
                b.getStyleClass().add("lab-caption");
                VBox top = new VBox(a, timeline);
                VBox bottom = new VBox(b, offloadedTimeline);
                VBox.setVgrow(timeline, Priority.ALWAYS);
                VBox.setVgrow(offloadedTimeline, Priority.ALWAYS);
                SplitPane split = new SplitPane(top, bottom);
                split.setOrientation(Orientation.VERTICAL);
                yield split;
            }
            case MODELS -> models;
        };
        if (view == LabView.MODELS) {
            lab.getChildren().setAll(content);
        } else {
            VBox box = new VBox(labBar, content);
            VBox.setVgrow(content, Priority.ALWAYS);
            lab.getChildren().setAll(box);
        }
    }

    // Running ---------------------------------------------------------------------------------------

    /** Runs the code in the code pane (both variants in the blocking lab, all four models in the models lab). */
    public void runProgram() {
        if (program == null) {
            return;
        }
        clock.pause();
        String source = code.getText();
        switch (program.view()) {
            case TASKS -> run.run(program.fileName(), source, Settings.defaults(), this::showRun);
            case BLOCKING -> {
                BlockingVariants.Pair pair = BlockingVariants.of(source);
                run.run(program.fileName(), pair.blocking(), Settings.defaults(), ix -> {
                    timeline.setIndex(ix);
                    showRun(ix);
                });
                companion.run("offloaded.py", pair.offloaded(), Settings.defaults(), ix -> {
                    offloadedTimeline.setIndex(ix);
                    alignBlockingScales();
                });
            }
            case MODELS -> models.runAll();
        }
    }

    private void alignBlockingScales() {
        TraceIndex a = timeline.getIndex();
        TraceIndex b = offloadedTimeline.getIndex();
        if (a != null && b != null) {
            // One shared time axis: fit the longer of the two runs.
            TimelineView longer = a.trace().endTime() >= b.trace().endTime() ? timeline : offloadedTimeline;
            longer.fit();
        }
    }

    private void showRun(TraceIndex ix) {
        if (program != null && program.view() != LabView.MODELS) {
            timeline.setIndex(ix);
        }
        console.setIndex(ix);
        loop.setIndex(ix);
        player.load(ix);
        if (program != null && program.view() == LabView.BLOCKING) {
            alignBlockingScales();
        }
        followPlayhead();
    }

    private void applyKnobs(Map<String, String> values) {
        if (program == null) {
            return;
        }
        try {
            String rewritten = program.source();
            for (var k : program.knobs()) {
                rewritten = k.apply(rewritten, values.get(k.id()));
            }
            code.setText(rewritten);
            if (program.view() == LabView.MODELS) {
                models.setWorkload(!values.getOrDefault("workload", "'cpu'").contains("io"),
                        Integer.parseInt(values.getOrDefault("tasks", "4")), 4);
            }
            runProgram();
        } catch (IllegalArgumentException ex) {
            services.dialogs().message("Knob", ex.getMessage());
        }
    }

    private void predict(Question q, String letter) {
        Lesson lesson = program == null ? null : program.lesson().orElse(null);
        if (lesson == null) {
            return;
        }
        ProgramOutputs outputs = (src, values) -> switch (services.runner().run("predict.py", src, Settings.defaults(),
                ProgramRunner.Cancellation.NEVER)) {
            case RunResult.Ran r -> new ProgramOutputs.Result.Printed(r.trace().stdout());
            case RunResult.CompileError err -> new ProgramOutputs.Result.Failed(err.message());
            case RunResult.Cancelled c -> new ProgramOutputs.Result.Failed("cancelled");
        };
        services.background().execute(() -> {
            Predictions.Resolution r = Predictions.resolve(lesson, q, outputs);
            Platform.runLater(() -> {
                quiz.resolvePredict(q, r instanceof Predictions.Resolution.Resolved res ? res.letter() : null);
                // Then watch: run the program with the question's knob values and play it.
                q.prediction().ifPresent(pr -> {
                    if (!pr.knobValues().isEmpty()) {
                        applyKnobs(mergedKnobs(pr.knobValues()));
                    }
                });
                clock.play();
            });
        });
    }

    private Map<String, String> mergedKnobs(Map<String, String> overrides) {
        java.util.LinkedHashMap<String, String> all = new java.util.LinkedHashMap<>(knobs.values());
        all.putAll(overrides);
        return all;
    }

    // Following the playhead ------------------------------------------------------------------------

    private void seek(long time) {
        clock.pause();
        player.seekTime(time);
    }

    private void followPlayhead() {
        TraceIndex ix = player.getIndex();
        long t = player.getTime();
        timeline.playheadProperty().set(t);
        offloadedTimeline.playheadProperty().set(t);
        for (TimelineView m : models.timelines()) {
            m.playheadProperty().set(t);
        }
        if (ix == null) {
            clockLabel.setText("");
            return;
        }
        Snapshot snap = player.getSnapshot();
        TraceIndex.Changes ch = player.changesProperty().get();
        timeline.highlightedProperty().set(ch.lanes());
        for (TimelineView m : models.timelines()) {
            if (m.getIndex() == ix) {
                m.highlightedProperty().set(ch.lanes());
            }
        }
        if (snap != null) {
            console.show(snap.outputCount(), ch.outputCount() > 0 ? ch.firstOutput() : Integer.MAX_VALUE);
            loop.show(snap, ch.handles());
            code.currentLineProperty().set(snap.line());
        }
        clockLabel.setText(String.format(Locale.ROOT, "virtual time %s · event %,d / %,d · iteration %d",
                dev.loopscope.ui.timeline.TimeScale.label(t, 1e6), player.getPosition() + 1, player.eventCount(),
                snap == null ? 0 : snap.iteration()));
    }

    // Keyboard and presenter mode ---------------------------------------------------------------------

    private void onKey(KeyEvent e) {
        boolean typing = e.getTarget() instanceof TextInputControl || e.getTarget() instanceof CodeArea
                || scene.getFocusOwner() instanceof TextInputControl || scene.getFocusOwner() instanceof CodeArea;
        if (typing && !presenting.get()) {
            if (e.getCode() == KeyCode.F5) {
                setPresenting(true);
                e.consume();
            }
            return;
        }
        boolean handled = true;
        switch (e.getCode()) {
            case SPACE -> clock.toggle();
            case RIGHT, PAGE_DOWN, DOWN -> {
                clock.pause();
                if (e.isShiftDown()) {
                    player.nextIteration();
                } else {
                    player.stepForward();
                }
            }
            case LEFT, PAGE_UP, UP -> {
                clock.pause();
                if (e.isShiftDown()) {
                    player.previousIteration();
                } else {
                    player.stepBack();
                }
            }
            case HOME -> player.toStart();
            case END -> player.toEnd();
            case PLUS, EQUALS, ADD -> zoom(1.5);
            case MINUS, SUBTRACT -> zoom(1 / 1.5);
            case DIGIT0 -> fitAll();
            case OPEN_BRACKET -> clock.slower();
            case CLOSE_BRACKET -> clock.faster();
            case F5 -> setPresenting(!presenting.get());
            case ESCAPE -> {
                if (presenting.get()) {
                    setPresenting(false);
                } else {
                    handled = false;
                }
            }
            default -> handled = false;
        }
        if (handled) {
            e.consume();
        }
    }

    private void zoom(double factor) {
        for (TimelineView t : visibleTimelines()) {
            if (factor > 1) {
                t.zoomIn();
            } else {
                t.zoomOut();
            }
            if (t == timeline && program != null && program.view() == LabView.BLOCKING) {
                break; // the offloaded timeline shares the scale
            }
        }
    }

    private void fitAll() {
        if (program != null && program.view() == LabView.BLOCKING) {
            alignBlockingScales();
            return;
        }
        visibleTimelines().forEach(TimelineView::fit);
    }

    private List<TimelineView> visibleTimelines() {
        if (program != null && program.view() == LabView.MODELS) {
            return List.of(models.timelines().get(models.selected().ordinal()));
        }
        return List.of(timeline);
    }

    public ReadOnlyBooleanProperty presentingProperty() {
        return presenting.getReadOnlyProperty();
    }

    /** Enters or leaves presenter mode: full screen, chrome hidden, everything scaled, keyboard only. */
    public void setPresenting(boolean on) {
        if (presenting.get() == on) {
            return;
        }
        presenting.set(on);
        root.setTop(on ? null : new VBox(menu, toolbar));
        root.setBottom(on ? null : statusBar);
        if (on) {
            main.getItems().remove(0);
        } else if (main.getItems().size() == 1) {
            VBox side = new VBox(navigator, sideTabs);
            VBox.setVgrow(sideTabs, Priority.ALWAYS);
            main.getItems().add(0, side);
            main.setDividerPositions(0.26);
        }
        code.area().setEditable(!on);
        applyScale(on ? presenterScale.get() : 1.0);
        stage.setFullScreen(on);
        root.requestFocus();
    }

    public void setPresenterScale(double s) {
        presenterScale.set(Math.clamp(s, 1.0, 2.5));
        if (presenting.get()) {
            applyScale(presenterScale.get());
        }
    }

    public double presenterScale() {
        return presenterScale.get();
    }

    private void applyScale(double s) {
        if (scaleSheet != null) {
            scene.getStylesheets().remove(scaleSheet);
            scaleSheet = null;
        }
        if (s != 1.0) {
            // A generated stylesheet rather than inline styles: every em-sized thing follows the root font.
            scaleSheet = "data:text/css," + java.net.URLEncoder.encode(String.format(Locale.ROOT,
                    ".root { -fx-font-size: %.1fpx; }", 14 * s), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
            scene.getStylesheets().add(scaleSheet);
        }
        timeline.uiScaleProperty().set(s);
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    // Export ---------------------------------------------------------------------------------------

    /** The node exports picture: the lab (one or two timelines, or the models). */
    public Node exportNode() {
        return lab;
    }

    public void exportPng(Path file, double scale) {
        try {
            Exporter.png(exportNode(), scale, file);
        } catch (IOException ex) {
            services.dialogs().message("Export failed", ex.getMessage());
        }
    }

    public void exportGif(Path file, int frames) {
        try {
            long at = player.getTime();
            var images = Exporter.frames(player, exportNode(), frames, 1);
            player.seekTime(at);
            Exporter.gif(images, 120, file);
        } catch (IOException ex) {
            services.dialogs().message("Export failed", ex.getMessage());
        }
    }

    public void exportFrames(Path dir, int frames) {
        try {
            long at = player.getTime();
            var images = Exporter.frames(player, exportNode(), frames, 1);
            player.seekTime(at);
            Exporter.pngSequence(images, dir, "frame");
        } catch (IOException ex) {
            services.dialogs().message("Export failed", ex.getMessage());
        }
    }

    // For tests and the export command -----------------------------------------------------------------

    public PlayerModel player() {
        return player;
    }

    public PlaybackClock clock() {
        return clock;
    }

    public RunViewModel run() {
        return run;
    }

    public RunViewModel companion() {
        return companion;
    }

    public TimelineView timeline() {
        return timeline;
    }

    public TimelineView offloadedTimeline() {
        return offloadedTimeline;
    }

    public ModelsLab models() {
        return models;
    }

    public CodePane code() {
        return code;
    }

    public ConsolePane console() {
        return console;
    }

    public LoopPane loop() {
        return loop;
    }

    public KnobsPane knobs() {
        return knobs;
    }

    public QuizPane quizPane() {
        return quizPane;
    }

    public QuizViewModel quiz() {
        return quiz;
    }

    public LessonView lessonView() {
        return lessonView;
    }

    public Program program() {
        return program;
    }

    public Course course() {
        return course;
    }

    public void showQuiz() {
        sideTabs.getSelectionModel().select(1);
    }
}
