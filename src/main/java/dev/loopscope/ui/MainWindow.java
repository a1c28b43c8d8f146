package dev.loopscope.ui;

import dev.loopscope.engine.Settings;
import dev.loopscope.engine.trace.LaneState;
import dev.loopscope.engine.trace.Snapshot;
import dev.loopscope.engine.trace.TraceIndex;
import dev.loopscope.lesson.Knob;
import dev.loopscope.lesson.LabView;
import dev.loopscope.lesson.Lesson;
import dev.loopscope.lesson.ProgramOutputs;
import dev.loopscope.lesson.Question;
import dev.loopscope.quiz.ProgressStore;
import dev.loopscope.quiz.Score;
import dev.loopscope.run.ProgramRunner;
import dev.loopscope.run.RunResult;
import dev.loopscope.ui.code.CodePane;
import dev.loopscope.ui.console.ConsolePane;
import dev.loopscope.ui.export.Exporter;
import dev.loopscope.ui.lab.BlockingVariants;
import dev.loopscope.ui.lab.ModelVariants;
import dev.loopscope.ui.lab.ModelVariants.Model;
import dev.loopscope.ui.lab.ModelsLab;
import dev.loopscope.ui.lesson.KnobsPane;
import dev.loopscope.ui.lesson.LessonLibrary;
import dev.loopscope.ui.lesson.LessonView;
import dev.loopscope.ui.lesson.Program;
import dev.loopscope.ui.library.LibraryViewModel;
import dev.loopscope.ui.library.LibraryViewModel.Entry;
import dev.loopscope.ui.loop.LoopPane;
import dev.loopscope.ui.player.PlaybackClock;
import dev.loopscope.ui.player.PlayerModel;
import dev.loopscope.ui.player.TransportBar;
import dev.loopscope.ui.quiz.QuizPane;
import dev.loopscope.ui.quiz.QuizViewModel;
import dev.loopscope.ui.run.RunViewModel;
import dev.loopscope.ui.timeline.LaneFilter;
import dev.loopscope.ui.timeline.LaneLayout;
import dev.loopscope.ui.timeline.TimeScale;
import dev.loopscope.ui.timeline.TimelineView;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
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
import javafx.scene.control.ProgressBar;
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
 * The Loopscope window: lesson navigator, lesson text and quiz, the code with its knobs, the lab (one timeline;
 * the blocking and the offloaded run on one shared time axis; or the four models with charts), the loop's
 * insides, the console, transport and status. Presenter mode hides the chrome, scales everything and answers
 * to the keyboard alone.
 */
public final class MainWindow {

    public static final String LAB = "lab";
    public static final String LAB_CAPTION = "lab-caption";
    public static final String LAB_CAPTION_PRIMARY = "lab-caption-primary";
    public static final String LAB_BANNER = "lab-banner";
    public static final String RUN_OVERLAY = "run-overlay";
    public static final String PANE_TITLE = "pane-title";
    public static final String STATUS_BAR = "status-bar";
    public static final String NAV_SCORE = "nav-score";
    public static final String PRESENTING = "presenting";

    /**
     * What the window needs from outside: the program runner, dialogs, the quiz progress store, what lesson code
     * prints (for predict questions), a background executor for runs, and where results are published.
     */
    public record Services(ProgramRunner runner, Dialogs dialogs, ProgressStore progress, ProgramOutputs outputs,
                           Executor background, Executor ui) {
        /** Results are published on the FX thread. */
        public Services(ProgramRunner runner, Dialogs dialogs, ProgressStore progress, ProgramOutputs outputs,
                        Executor background) {
            this(runner, dialogs, progress, outputs, background, Platform::runLater);
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
    private final LibraryViewModel library;
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
    private final Label blockingCaption = new Label();
    private final SplitPane blockingSplit = new SplitPane();
    private final Label offloadedCaption = new Label();
    private final ModelsLab models;
    private final StackPane lab = new StackPane();
    private final VBox labContent = new VBox();
    private final Label banner = new Label();
    private final VBox runOverlay = new VBox(8);
    private final Label runOverlayText = new Label();
    private final TransportBar transport;
    private final Label status = new Label();
    private final Label clockLabel = new Label();
    private final TextField laneFilter = new TextField();
    private final ComboBox<String> stateFilter = new ComboBox<>();
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final ReadOnlyBooleanWrapper presenting = new ReadOnlyBooleanWrapper(this, "presenting");
    /** Where the dividers stood before presenter mode, so leaving it gives the learner their layout back. */
    private double[] mainDividers = {0.25};
    private double[] workDividers = {0.42};
    private final ObjectProperty<Double> presenterScale = new SimpleObjectProperty<>(this, "presenterScale",
            defaultPresenterScale());
    private final MenuBar menu = new MenuBar();
    private final ToolBar toolbar = new ToolBar();
    private final HBox statusBar = new HBox(10);
    private final TabPane sideTabs = new TabPane();
    private final VBox side = new VBox();
    private final SplitPane main = new SplitPane();
    private final SplitPane work = new SplitPane();
    private final Label codeTitle = new Label("Program");
    private final Label consoleTitle = new Label("Console");
    private final HBox labBar = new HBox(6);
    private Program program;
    /** The lesson program's code as the learner has it (knobs applied, edits kept). */
    private String programCode = "";
    /** The knob values {@link #programCode} was made with. */
    private Map<String, String> knobValues = new LinkedHashMap<>();
    /** Which model the player follows in the models lab (empty: the lesson's program). */
    private Optional<Model> followed = Optional.empty();
    private String scaleSheet;
    /** How many events the player's last move went over. */
    private int lastMove;
    /** Moves of more events than this are jumps, whose changes are not highlighted. */
    static final int MAX_HIGHLIGHTED_STEP = 40;

    public MainWindow(Stage stage, Services services) {
        this.stage = stage;
        this.services = services;
        Executor ui = services.ui();
        this.run = new RunViewModel(services.runner(), services.background(), ui);
        this.companion = new RunViewModel(services.runner(), services.background(), ui);
        this.library = new LibraryViewModel(new LessonLibrary(), services.dialogs());
        this.quiz = new QuizViewModel(services.progress(), services.outputs(), services.background(), ui);
        this.quizPane = new QuizPane(quiz);
        this.models = new ModelsLab(services.runner(), services.background(), ui);
        this.transport = new TransportBar(player, clock);
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
        navigator.itemsProperty().bind(library.entriesProperty());
        navigator.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Entry e, boolean empty) {
                super.updateItem(e, empty);
                if (empty || e == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(e.label());
                setWrapText(false);
                if (e instanceof Entry.LessonEntry l) {
                    Score s = quiz.score(l.lesson().number());
                    Label badge = new Label(s.total() == 0 ? "" : s.correct() + "/" + s.total());
                    badge.getStyleClass().add(NAV_SCORE);
                    badge.setTooltip(new Tooltip("Quiz score: " + s.correct() + " right of " + s.total()
                            + " (" + s.answered() + " answered)"));
                    setGraphic(s.answered() == 0 ? null : badge);
                    setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
                } else {
                    setGraphic(null);
                }
            }
        });
        navigator.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                open(b);
            }
        });
        // Tall enough for the whole course (up to eight entries) without a scroll bar.
        navigator.setFixedCellSize(30);
        navigator.prefHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> 30.0 * Math.clamp(navigator.getItems().size(), 2, 8) + 4, navigator.itemsProperty(),
                library.entriesProperty()));
        // The lesson beneath would otherwise squeeze it to nothing.
        navigator.setMinHeight(Region.USE_PREF_SIZE);
        library.setOnOpen(e -> {
            navigator.getSelectionModel().select(e);
            if (navigator.getSelectionModel().getSelectedItem() != e) {
                open(e);
            }
        });
        library.setOnCourse(quiz::setCourse);
        quiz.scoreProperty().addListener(o -> navigator.refresh());

        ScrollPane lessonScroll = new ScrollPane(lessonView);
        lessonScroll.setFitToWidth(true);
        ScrollPane quizScroll = new ScrollPane(quizPane);
        quizScroll.setFitToWidth(true);
        Tab lessonTab = new Tab("Lesson", lessonScroll);
        Tab quizTab = new Tab("Quiz", quizScroll);
        lessonTab.setClosable(false);
        quizTab.setClosable(false);
        quizTab.setId("quiz-tab");
        sideTabs.getTabs().addAll(lessonTab, quizTab);
        quizPane.setActive(false);
        quizTab.selectedProperty().addListener((o, a, b) -> quizPane.setActive(b));
        sideTabs.setId("side-tabs");
        lessonView.setOnChooseModel(this::openModel);
        quizPane.setOnPredict(this::predict);
        side.getChildren().setAll(navigator, sideTabs);
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
        // a narrow or scaled-up window elides the code title, never the button's label
        runButton.setMinWidth(Region.USE_PREF_SIZE);
        codeTitle.getStyleClass().add(PANE_TITLE);
        codeTitle.setMinWidth(0);
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
        consoleTitle.getStyleClass().add(PANE_TITLE);
        VBox consoleBox = new VBox(consoleTitle, console);
        VBox.setVgrow(console, Priority.ALWAYS);
        console.setId("console");
        consoleBox.setMinHeight(0);
        // What the program printed sits beside its code, above the lab, next to the loop's queues.
        SplitPane insides = new SplitPane(loop, consoleBox);
        insides.setOrientation(Orientation.VERTICAL);
        insides.setDividerPositions(0.55);
        SplitPane top = new SplitPane(codeBox, insides);
        top.setDividerPositions(0.55);

        timeline.setId("timeline");
        offloadedTimeline.setId("timeline-offloaded");
        timeline.setOnSeek(this::seek);
        offloadedTimeline.setOnSeek(this::seek);
        offloadedTimeline.legendVisibleProperty().set(true);
        offloadedTimeline.scaleProperty().bindBidirectional(timeline.scaleProperty());
        offloadedTimeline.filterProperty().bind(timeline.filterProperty());
        offloadedTimeline.uiScaleProperty().bind(timeline.uiScaleProperty());
        offloadedTimeline.arrowsVisibleProperty().bind(timeline.arrowsVisibleProperty());
        for (Label c : List.of(blockingCaption, offloadedCaption)) {
            c.getStyleClass().add(LAB_CAPTION);
            c.setWrapText(true);
            c.setMinHeight(Region.USE_PREF_SIZE);
            c.setMaxWidth(Double.MAX_VALUE);
        }
        blockingCaption.setId("caption-blocking");
        blockingSplit.setOrientation(Orientation.VERTICAL);
        Tooltip follows = new Tooltip("▶ marks the run the code, the console and the loop's queues follow; "
                + "the switch knob picks it");
        blockingCaption.setTooltip(follows);
        offloadedCaption.setTooltip(follows);
        offloadedCaption.setId("caption-offloaded");
        models.setOnSelect(this::followModel);
        models.setOnCoresChanged(() -> {
            if (program != null && program.view() == LabView.MODELS) {
                runModels();
            }
        });
        for (TimelineView t : models.timelines()) {
            t.setOnSeek(this::seek);
            t.uiScaleProperty().bind(timeline.uiScaleProperty());
            t.arrowsVisibleProperty().bind(timeline.arrowsVisibleProperty());
            t.filterProperty().bind(timeline.filterProperty());
        }

        banner.setId("banner");
        banner.getStyleClass().add(LAB_BANNER);
        banner.setGraphic(new FontIcon(Material2AL.ERROR_OUTLINE));
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setMinHeight(Region.USE_PREF_SIZE);
        banner.setVisible(false);
        banner.setManaged(false);
        runOverlay.setId("run-overlay");
        runOverlay.getStyleClass().add(RUN_OVERLAY);
        runOverlay.setAlignment(Pos.CENTER);
        runOverlay.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        ProgressBar bar = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        bar.setPrefWidth(260);
        Button cancel = new Button("Cancel (Esc)");
        cancel.setId("cancel-run");
        cancel.setOnAction(e -> cancelRuns());
        runOverlayText.setId("run-progress");
        runOverlayText.setWrapText(true);
        runOverlay.getChildren().addAll(runOverlayText, bar, cancel);
        runOverlay.setVisible(false);
        runOverlay.setMouseTransparent(false);
        StackPane.setAlignment(runOverlay, Pos.CENTER);
        lab.setId("lab");
        lab.getStyleClass().add(LAB);
        lab.getChildren().setAll(labContent, runOverlay);
        labContent.setMinHeight(0);

        work.setOrientation(Orientation.VERTICAL);
        work.getItems().addAll(top, lab);
        work.setDividerPositions(0.42);
        main.getItems().addAll(side, work);
        main.setDividerPositions(0.25);

        buildMenu();
        buildToolbar();
        status.setId("status");
        status.setMinWidth(0);
        clockLabel.setId("clock");
        clockLabel.setMinWidth(Region.USE_PREF_SIZE);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox.setHgrow(status, Priority.SOMETIMES);
        statusBar.getChildren().addAll(status, grow, clockLabel);
        statusBar.getStyleClass().add(STATUS_BAR);
        statusBar.setAlignment(Pos.CENTER_LEFT);

        root.setTop(new VBox(menu, toolbar));
        root.setCenter(main);
        root.setBottom(statusBar);

        for (RunViewModel r : List.of(run, companion)) {
            r.runningProperty().addListener(o -> updateRunState());
            r.progressProperty().addListener(o -> updateRunState());
            r.statusProperty().addListener(o -> updateRunState());
            r.stopReasonProperty().addListener(o -> updateRunState());
        }
        models.runningProperty().addListener(o -> updateRunState());
        for (Optional<Model> m : modelTabs()) {
            RunViewModel r = models.run(m);
            r.progressProperty().addListener(o -> updateRunState());
            r.statusProperty().addListener(o -> updateRunState());
            r.stopReasonProperty().addListener(o -> updateRunState());
            r.errorProperty().addListener((o, a, b) -> {
                if (program != null && program.view() == LabView.MODELS && followed.equals(m)) {
                    code.errorProperty().set(b);
                }
            });
        }
        run.errorProperty().addListener((o, a, b) -> {
            if (program != null && program.view() != LabView.MODELS) {
                code.errorProperty().set(b);
            }
        });
        companion.errorProperty().addListener((o, a, b) -> {
            if (b != null && program != null && program.view() == LabView.BLOCKING) {
                code.errorProperty().set(b);
            }
        });
        player.positionProperty().addListener((o, a, b) -> lastMove = Math.abs(b.intValue() - a.intValue()));
        player.snapshotProperty().addListener(o -> followPlayhead());
        player.timeProperty().addListener(o -> followPlayhead());
        showLab(LabView.TASKS);
        updateRunState();
    }

    private static List<Optional<Model>> modelTabs() {
        List<Optional<Model>> all = new ArrayList<>();
        all.add(Optional.empty());
        for (Model m : Model.values()) {
            all.add(Optional.of(m));
        }
        return all;
    }

    private void buildMenu() {
        MenuItem openLesson = new MenuItem("Open lesson file…");
        openLesson.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        openLesson.setOnAction(e -> library.openLessonFile());
        MenuItem openProgram = new MenuItem("Open Python program…");
        openProgram.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        openProgram.setOnAction(e -> library.openProgramFile());
        MenuItem png = new MenuItem("Export lab as PNG…");
        png.setAccelerator(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
        png.setOnAction(e -> services.dialogs().chooseSave("Export PNG", "loopscope.png", List.of("*.png"))
                .ifPresent(p -> exportPng(p, 2)));
        MenuItem gif = new MenuItem("Export animation as GIF…");
        gif.setOnAction(e -> services.dialogs().chooseSave("Export GIF", "loopscope.gif", List.of("*.gif"))
                .ifPresent(p -> exportGif(p, 40)));
        MenuItem frames = new MenuItem("Export animation as PNG frames…");
        frames.setOnAction(e -> services.dialogs().chooseSave("Export frames (pick a folder name)", "frames",
                List.of("*")).ifPresent(p -> exportFrames(p, 40)));
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
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
        okabe.setId("okabe-ito");
        okabe.selectedProperty().addListener((o, a, b) -> {
            if (b) {
                root.getStyleClass().add(Theme.OKABE_ITO_CLASS);
            } else {
                root.getStyleClass().remove(Theme.OKABE_ITO_CLASS);
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
        keys.setAccelerator(new KeyCodeCombination(KeyCode.F1));
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
            case "Running or ready" -> EnumSet.of(LaneState.RUNNING, LaneState.READY, LaneState.BLOCKED);
            case "Waiting" -> EnumSet.of(LaneState.WAITING, LaneState.SLEEPING);
            case "Failed or cancelled" -> EnumSet.of(LaneState.FAILED, LaneState.CANCELLED);
            case "Done" -> EnumSet.of(LaneState.DONE);
            default -> LaneFilter.ALL.states();
        })));
        Button zoomIn = iconButton(Material2MZ.ZOOM_IN, "Zoom in (+, Ctrl+wheel)", e -> zoom(1.5));
        zoomIn.setId("zoom-in");
        Button zoomOut = iconButton(Material2MZ.ZOOM_OUT, "Zoom out (−)", e -> zoom(1 / 1.5));
        zoomOut.setId("zoom-out");
        Button fit = iconButton(Material2AL.ASPECT_RATIO, "Fit the whole run (Ctrl+0)", e -> fitAll());
        fit.setId("fit");
        Button present = iconButton(Material2MZ.SLIDESHOW, "Presenter mode (F5)", e -> setPresenting(true));
        present.setId("presenter");
        ComboBox<Theme> themeBox = new ComboBox<>();
        themeBox.setId("theme");
        themeBox.setFocusTraversable(false);
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
        labBar.getChildren().setAll(filterLabel, laneFilter, stateFilter, zoomIn, zoomOut, fit);
        labBar.setAlignment(Pos.CENTER_LEFT);
        labBar.setPadding(new Insets(2, 6, 2, 6));
        labBar.setId("lab-bar");
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

    /** Loads the course found on disk (or the bundled one) into the navigator and opens its first lesson. */
    public void loadLibrary() {
        library.load();
        if (!navigator.getItems().isEmpty()) {
            navigator.getSelectionModel().selectFirst();
        }
    }

    public LibraryViewModel library() {
        return library;
    }

    public ListView<Entry> navigator() {
        return navigator;
    }

    public void open(Entry e) {
        switch (e) {
            case Entry.LessonEntry l -> openLesson(l.lesson());
            case Entry.FileEntry f -> openProgram(f.program());
        }
    }

    /** Opens what the command line names: a lesson number, a lesson file (.md) or a Python program (.py). */
    public void openTarget(String target) {
        if (target.endsWith(".md")) {
            library.openLessonFile(Path.of(target));
        } else if (target.endsWith(".py")) {
            library.openProgramFile(Path.of(target));
        } else if (!openLesson(target)) {
            services.dialogs().message("No lesson " + target, "The course has lessons "
                    + String.join(", ", library.course().lessons().stream().map(Lesson::number).toList()) + ".");
        }
    }

    /** Opens a lesson of the loaded course by number; false when there is none. */
    public boolean openLesson(String number) {
        Optional<Entry> e = library.lessonEntry(number);
        e.ifPresent(x -> navigator.getSelectionModel().select(x));
        return e.isPresent();
    }

    public void openLesson(Lesson lesson) {
        lessonView.show(lesson);
        quiz.load(lesson);
        Optional<Program> p = Program.of(lesson);
        if (p.isPresent()) {
            openProgram(p.get());
        } else {
            openProgram(null);
            codeTitle.setText("Lesson " + lesson.number() + " has no Python program to animate");
        }
    }

    /** Opens a program: a lesson's (its lesson is shown already) or a file's. */
    public void openProgram(Program p) {
        clock.pause();
        cancelRuns();
        program = p;
        followed = Optional.empty();
        if (p != null && p.lesson().isEmpty()) {
            lessonView.showProgramNote(p.fileName());
            quiz.load(null);
        }
        knobValues = p == null ? new LinkedHashMap<>() : new LinkedHashMap<>(p.defaults());
        knobs.setKnobs(p == null ? List.of() : p.knobs());
        code.errorProperty().set(null);
        programCode = p == null ? "" : p.source();
        code.setText(programCode);
        code.showTop();
        codeTitle.setText(p == null ? "Program" : p.title());
        showLab(p == null ? LabView.TASKS : p.view());
        clearRuns();
        if (p != null) {
            runProgram();
        }
    }

    private void clearRuns() {
        timeline.fitEndProperty().set(-1);
        offloadedTimeline.fitEndProperty().set(-1);
        player.load(null);
        timeline.setIndex(null);
        offloadedTimeline.setIndex(null);
        console.setIndex(null);
        loop.setIndex(null);
        banner.setVisible(false);
        banner.setManaged(false);
    }

    /** The decision chooser recommended a model: show lesson 11's lab on that model, with a fitting workload. */
    private void openModel(String model) {
        Optional<Model> m = switch (model) {
            case "processes" -> Optional.of(Model.PROCESSES);
            case "threads" -> Optional.of(Model.THREADS_GIL);
            default -> Optional.of(Model.ASYNCIO);
        };
        if (program == null || program.view() != LabView.MODELS) {
            return;
        }
        // Waiting work for threads and asyncio, computing for processes: what each model is recommended for.
        String kind = model.equals("processes") ? "'cpu'" : "'io'";
        program.knob("kind").ifPresent(k -> {
            if (!kind.equals(knobValues.get("kind")) && k.rejects(kind).isEmpty()) {
                knobs.setValue("kind", kind);
            }
        });
        models.select(m);
        if (!models.isRunning() && models.result(m.get()) == null) {
            runModels();
        }
    }

    private void showLab(LabView view) {
        Node content = switch (view) {
            case TASKS -> timeline;
            case BLOCKING -> {
                VBox top = new VBox(2, blockingCaption, timeline);
                VBox bottom = new VBox(2, offloadedCaption, offloadedTimeline);
                VBox.setVgrow(timeline, Priority.ALWAYS);
                VBox.setVgrow(offloadedTimeline, Priority.ALWAYS);
                blockingSplit.getItems().setAll(top, bottom);
                yield blockingSplit;
            }
            case MODELS -> models;
        };
        // In the blocking lab one legend, under both runs.
        timeline.legendVisibleProperty().set(view != LabView.BLOCKING);
        labContent.getChildren().setAll(labBar, banner, content);
        VBox.setVgrow(content, Priority.ALWAYS);
    }

    // Running ---------------------------------------------------------------------------------------

    /**
     * Runs the code in the code pane: in the blocking lab as both variants; in the models lab the lesson's
     * program and the four models (or, on a model's tab, that model's edited program).
     */
    public void runProgram() {
        if (program == null) {
            return;
        }
        clock.pause();
        code.errorProperty().set(null);
        String source = code.getText();
        switch (program.view()) {
            case TASKS -> {
                programCode = source;
                run.run(program.fileName(), source, Settings.defaults(), this::showRun);
            }
            case BLOCKING -> {
                programCode = source;
                runBlocking();
            }
            case MODELS -> {
                if (followed.isPresent()) {
                    models.runModel(followed.get(), source);
                } else {
                    programCode = source;
                    runModels();
                }
            }
        }
    }

    private void runBlocking() {
        BlockingVariants.Pair pair = BlockingVariants.of(program, programCode, knobValues);
        boolean offloaded = BlockingVariants.offloaded(program, knobValues);
        if (pair.editsDropped()) {
            services.dialogs().message("Your edits", "One of the two variants could not keep your edits, so it runs "
                    + "the lesson's code with the knob values.");
        }
        captionBlocking(null, null);
        run.run(program.fileName(), offloaded ? pair.offloaded() : pair.blocking(), Settings.defaults(), this::showRun);
        companion.run(otherName(program.fileName()), offloaded ? pair.blocking() : pair.offloaded(), Settings.defaults(),
                ix -> {
                    companionTimeline(offloaded).setIndex(ix);
                    alignBlockingScales();
                    captionBlocking(timeline.getIndex(), offloadedTimeline.getIndex());
                });
    }

    private static String otherName(String file) {
        return file.endsWith(".py") ? file.substring(0, file.length() - 3) + "-other.py" : file + "-other";
    }

    /** The blocking run is always on top; the companion is whichever run the switch does not pick. */
    private TimelineView companionTimeline(boolean primaryOffloaded) {
        return primaryOffloaded ? timeline : offloadedTimeline;
    }

    private void runModels() {
        ModelVariants.Workload w = ModelVariants.workload(program, knobValues, ModelVariants.LESSON_SIZE);
        models.runAll(program.fileName(), programCode, w);
    }

    /** Stops every run under way. */
    public void cancelRuns() {
        run.cancel();
        companion.cancel();
        models.cancel();
    }

    private void alignBlockingScales() {
        TraceIndex a = timeline.getIndex();
        TraceIndex b = offloadedTimeline.getIndex();
        if (a != null && b != null) {
            // Each run gets height in proportion to its lanes (the lower one also holds the legend).
            int top = LaneLayout.layout(a, timeline.getFilter(), 0, 1e6, 1, 1).rows().size() + 2;
            int bottom = LaneLayout.layout(b, timeline.getFilter(), 0, 1e6, 1, 1).rows().size() + 4;
            blockingSplit.setDividerPositions(Math.clamp(top / (double) (top + bottom), 0.3, 0.7));
            // One shared time axis, fitted to the longer run whichever of the two fits it.
            long end = Math.max(a.trace().endTime(), b.trace().endTime());
            timeline.fitEndProperty().set(end);
            offloadedTimeline.fitEndProperty().set(end);
            timeline.fit();
        } else if (a != null) {
            timeline.fit();
        }
    }

    private void captionBlocking(TraceIndex blocking, TraceIndex offloaded) {
        Optional<Knob> k = program == null ? Optional.empty() : BlockingVariants.switchKnob(program);
        String name = k.map(Knob::label).orElse("Variant");
        String off = k.map(x -> ((Knob.Toggle) x.control()).off()).orElse("");
        String on = k.map(x -> ((Knob.Toggle) x.control()).on()).orElse("");
        boolean primaryOn = program != null && BlockingVariants.offloaded(program, knobValues);
        // ▶ marks the run the code, console and loop insides follow (the switch knob picks it).
        blockingCaption.setText((primaryOn ? "" : "▶ ") + name + ": " + off + " — " + describeLoop(blocking));
        offloadedCaption.setText((primaryOn ? "▶ " : "") + name + ": " + on + " — " + describeLoop(offloaded));
        blockingCaption.getStyleClass().remove(LAB_CAPTION_PRIMARY);
        offloadedCaption.getStyleClass().remove(LAB_CAPTION_PRIMARY);
        (primaryOn ? offloadedCaption : blockingCaption).getStyleClass().add(LAB_CAPTION_PRIMARY);
    }

    /** What a run did to its event loop, in a few words, from the trace itself. */
    static String describeLoop(TraceIndex ix) {
        if (ix == null) {
            return "running…";
        }
        long frozen = ix.frozen().stream().mapToLong(TraceIndex.Frozen::duration).max().orElse(0);
        long late = ix.lates().stream().mapToLong(TraceIndex.Late::lateness).max().orElse(0);
        String f = frozen >= 20_000_000L ? "the loop froze for " + TimeScale.duration(frozen) : "the loop never froze";
        String l = ix.lates().isEmpty() ? "no timer ran late"
                : ix.lates().size() + (ix.lates().size() == 1 ? " timer" : " timers") + " ran late (up to "
                + TimeScale.duration(late) + ")";
        return f + ", " + l;
    }

    private void showRun(TraceIndex ix) {
        if (program != null && program.view() == LabView.BLOCKING) {
            boolean on = BlockingVariants.offloaded(program, knobValues);
            (on ? offloadedTimeline : timeline).setIndex(ix);
            alignBlockingScales();
            captionBlocking(timeline.getIndex(), offloadedTimeline.getIndex());
        } else if (program == null || program.view() != LabView.MODELS) {
            timeline.setIndex(ix);
        }
        console.setIndex(ix);
        loop.setIndex(ix);
        player.load(ix);
        followPlayhead();
    }

    /** The models lab's tab changed (or its run finished): the player, code, console and loop follow it. */
    private void followModel(Optional<Model> m) {
        if (program == null || program.view() != LabView.MODELS) {
            return;
        }
        followed = m;
        String src = models.source(m);
        if (src != null) {
            code.setText(src);
        }
        code.errorProperty().set(models.run(m).errorProperty().get());
        codeTitle.setText(m.map(x -> "Models lab: " + x.label + " (generated from the lesson's workload)")
                .orElse(program.title()));
        code.area().setEditable(!presenting.get());
        TraceIndex ix = models.result(m);
        if (ix != null && player.getIndex() != ix) {
            clock.pause();
            console.setIndex(ix);
            loop.setIndex(ix);
            player.load(ix);
            followPlayhead();
        } else if (ix == null) {
            clearRuns();
        }
        updateRunState();
    }

    private void applyKnobs(Map<String, String> values) {
        if (program == null) {
            return;
        }
        try {
            String current = program.view() == LabView.MODELS && followed.isPresent() ? programCode : code.getText();
            Program.Rewrite r = program.rewrite(current, knobValues, values);
            knobValues = new LinkedHashMap<>(values);
            programCode = r.code();
            if (program.view() != LabView.MODELS || followed.isEmpty()) {
                code.setText(programCode);
            }
            if (r.editsDropped()) {
                status.setText("Your edits moved a knob's literal, so the lesson's code was used again.");
            }
            switch (program.view()) {
                case TASKS -> run.run(program.fileName(), programCode, Settings.defaults(), this::showRun);
                case BLOCKING -> runBlocking();
                case MODELS -> runModels();
            }
        } catch (IllegalArgumentException ex) {
            services.dialogs().message("Knob", ex.getMessage());
        }
    }

    /** Predict, then watch: run the program with the question's knob values and play it from the start. */
    private void predict(Question q, String letter) {
        if (program == null || q.prediction().isEmpty()) {
            return;
        }
        Map<String, String> values = new LinkedHashMap<>(program.defaults());
        values.putAll(q.prediction().get().knobValues());
        if (!values.equals(knobValues)) {
            playWhenRun();
            knobs.setValues(values); // one change: the program runs again with these values
        } else {
            clock.pause();
            player.toStart();
            clock.play();
        }
    }

    /** Plays the next run the player loads, from its start. */
    private void playWhenRun() {
        player.indexProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends TraceIndex> o, TraceIndex a, TraceIndex b) {
                if (b != null) {
                    player.indexProperty().removeListener(this);
                    clock.play();
                }
            }
        });
    }

    // Run state: progress, banner, status ---------------------------------------------------------------

    private RunViewModel primaryRun() {
        return program != null && program.view() == LabView.MODELS ? models.run(followed) : run;
    }

    private boolean anyRunning() {
        return run.isRunning() || companion.isRunning() || models.isRunning();
    }

    private void updateRunState() {
        boolean busy = anyRunning();
        RunViewModel primary = primaryRun();
        List<String> lines = new ArrayList<>();
        for (RunViewModel r : runningModels()) {
            String p = r.progressProperty().get();
            lines.add("Running " + r.fileNameProperty().get() + "…" + (p.isEmpty() ? "" : "  " + p));
        }
        runOverlayText.setText(String.join("\n", lines));
        // Runs report progress only after a moment, so quick re-runs (a knob turned) do not flash the overlay.
        boolean slow = runningModels().stream().anyMatch(r -> !r.progressProperty().get().isEmpty());
        runOverlay.setVisible(busy && slow);
        String reason = primary.stopReasonProperty().get();
        if (reason != null && !busy) {
            banner.setText("The engine stopped this run early: " + reason.replaceFirst("^stopped: ", "")
                    + ". The animation shows the run up to that point.");
            banner.setVisible(true);
            banner.setManaged(true);
        } else {
            banner.setVisible(false);
            banner.setManaged(false);
        }
        status.setText(busy && !lines.isEmpty() ? lines.getFirst() : primary.statusProperty().get());
        String waiting = busy ? "Running the program…" : "Run a program to see its timeline (Ctrl+Enter)";
        for (TimelineView v : allTimelines()) {
            v.placeholderProperty().set(waiting);
        }
    }

    private List<RunViewModel> runningModels() {
        List<RunViewModel> out = new ArrayList<>();
        for (RunViewModel r : List.of(run, companion)) {
            if (r.isRunning()) {
                out.add(r);
            }
        }
        for (Optional<Model> m : modelTabs()) {
            if (models.run(m).isRunning()) {
                out.add(models.run(m));
            }
        }
        return out;
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
            code.currentLineProperty().set(0);
            return;
        }
        Snapshot snap = player.getSnapshot();
        TraceIndex.Changes ch = player.changesProperty().get();
        // What changed is worth marking after a step, not after a jump across half the run.
        boolean step = lastMove <= MAX_HIGHLIGHTED_STEP;
        for (TimelineView v : allTimelines()) {
            v.highlightedProperty().set(v.getIndex() == ix && step ? ch.lanes() : java.util.Set.of());
        }
        if (snap != null) {
            console.show(snap.outputCount(), ch.outputCount() > 0 && step ? ch.firstOutput() : Integer.MAX_VALUE);
            loop.show(snap, step ? ch.handles() : java.util.Set.of());
            code.currentLineProperty().set(snap.line());
        }
        clockLabel.setText(String.format(Locale.ROOT, "virtual time %s · event %,d / %,d · iteration %d",
                TimeScale.label(t, 1e6), player.getPosition() + 1, player.eventCount(),
                snap == null ? 0 : snap.iteration()));
    }

    private List<TimelineView> allTimelines() {
        List<TimelineView> all = new ArrayList<>(List.of(timeline, offloadedTimeline));
        all.addAll(models.timelines());
        return all;
    }

    // Keyboard and presenter mode ---------------------------------------------------------------------

    private void onKey(KeyEvent e) {
        boolean typing = e.getTarget() instanceof TextInputControl || e.getTarget() instanceof CodeArea
                || scene.getFocusOwner() instanceof TextInputControl || scene.getFocusOwner() instanceof CodeArea;
        if (typing && !presenting.get()) {
            if (e.getCode() == KeyCode.F5) {
                setPresenting(true);
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && anyRunning()) {
                cancelRuns();
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
            case HOME -> {
                clock.pause();
                player.toStart();
            }
            case END -> {
                clock.pause();
                player.toEnd();
            }
            case PLUS, EQUALS, ADD -> zoom(1.5);
            case MINUS, SUBTRACT -> zoom(1 / 1.5);
            case DIGIT0 -> fitAll();
            case OPEN_BRACKET -> clock.slower();
            case CLOSE_BRACKET -> clock.faster();
            case F5 -> setPresenting(!presenting.get());
            case ESCAPE -> {
                if (presenting.get()) {
                    setPresenting(false);
                } else if (anyRunning()) {
                    cancelRuns();
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
        TimelineView t = visibleTimeline();
        if (factor > 1) {
            t.zoomIn();
        } else {
            t.zoomOut();
        }
    }

    private void fitAll() {
        if (program != null && program.view() == LabView.BLOCKING) {
            alignBlockingScales();
        } else if (program != null && program.view() == LabView.MODELS && followed.isPresent()) {
            models.fitModels();
        } else {
            visibleTimeline().fit();
        }
    }

    /** The timeline zoom and fit act on (in the blocking lab the other shares its scale). */
    private TimelineView visibleTimeline() {
        if (program != null && program.view() == LabView.MODELS) {
            return models.timeline(followed);
        }
        return timeline;
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
            mainDividers = main.getDividerPositions();
            workDividers = work.getDividerPositions();
            main.getItems().remove(side);
            root.getStyleClass().add(PRESENTING);
        } else {
            if (!main.getItems().contains(side)) {
                main.getItems().addFirst(side);
            }
            root.getStyleClass().remove(PRESENTING);
        }
        labBar.setVisible(!on);
        labBar.setManaged(!on);
        code.area().setEditable(!on);
        applyScale(on ? presenterScale.get() : 1.0);
        stage.setFullScreen(on);
        // On a projector the lab is what the hall looks at: give it more of the height. Leaving restores the
        // learner's layout; a split pane that just got an item back lays it out at zero width unless the
        // positions are set again once the window has its new size.
        setDividers(on);
        Platform.runLater(() -> setDividers(presenting.get()));
        if (!on) {
            // Leaving full screen resizes the window a moment later, and a resized split pane hands the new
            // width to one side: set the positions again at the window's own size.
            javafx.beans.InvalidationListener[] once = new javafx.beans.InvalidationListener[1];
            once[0] = o -> {
                main.widthProperty().removeListener(once[0]);
                Platform.runLater(() -> setDividers(presenting.get()));
            };
            main.widthProperty().addListener(once[0]);
        }
        root.requestFocus();
    }

    private void setDividers(boolean on) {
        if (on) {
            work.setDividerPositions(0.34);
        } else {
            // A split pane skips a position equal to the one it holds, even when its layout has drifted from it.
            main.setDividerPositions(0);
            main.setDividerPositions(mainDividers);
            work.setDividerPositions(workDividers);
        }
    }

    /** Big enough to read from the back of a hall, small enough that the lab still fits: by the screen's height. */
    static double defaultPresenterScale() {
        return presenterScaleFor(javafx.stage.Screen.getPrimary().getVisualBounds().getHeight());
    }

    /** The presenter scale for a screen (or a picture) this many pixels high, in quarter steps. */
    public static double presenterScaleFor(double height) {
        return Math.clamp(Math.round(height / 620 * 4) / 4.0, 1.25, 2.5);
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
            scaleSheet = "data:text/css," + URLEncoder.encode(String.format(Locale.ROOT,
                    ".root { -fx-font-size: %.1fpx; }", 14 * s), StandardCharsets.UTF_8).replace("+", "%20");
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
            status.setText("Wrote " + file);
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
            status.setText("Wrote " + file);
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
            status.setText("Wrote " + frames + " frames to " + dir);
        } catch (IOException ex) {
            services.dialogs().message("Export failed", ex.getMessage());
        }
    }

    // For tests, the export command and the benchmark ------------------------------------------------------

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

    /** Whether any run of the window is under way. */
    public boolean isRunning() {
        return anyRunning();
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

    public Map<String, String> knobValues() {
        return Map.copyOf(knobValues);
    }

    public String bannerText() {
        return banner.isVisible() ? banner.getText() : null;
    }

    public String status() {
        return status.getText();
    }

    public String caption(boolean offloaded) {
        return (offloaded ? offloadedCaption : blockingCaption).getText();
    }

    public void showQuiz() {
        sideTabs.getSelectionModel().select(1);
    }

    public void showLesson() {
        sideTabs.getSelectionModel().select(0);
    }
}
