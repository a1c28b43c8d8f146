package dev.loopscope.ui.lab;

import dev.loopscope.engine.MemoryModel;
import dev.loopscope.engine.Settings;
import dev.loopscope.engine.trace.RunStats;
import dev.loopscope.engine.trace.TraceIndex;
import dev.loopscope.run.ProgramRunner;
import dev.loopscope.ui.lab.ModelVariants.Model;
import dev.loopscope.ui.lab.ModelVariants.Workload;
import dev.loopscope.ui.run.RunViewModel;
import dev.loopscope.ui.timeline.TimeScale;
import dev.loopscope.ui.timeline.TimelineView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Lesson 11's lab. The first tab runs the lesson's program as written; the other four run the same workload
 * alone under each model (threads with the GIL, threads on a free-threaded build, a process pool, asyncio) from
 * {@link ModelVariants}' templates, on one shared time axis, with charts of wall time, CPU use and memory.
 */
public final class ModelsLab extends VBox {

    public static final String STYLE_CLASS = "models-lab";
    public static final String CAPTION = "models-caption";
    public static final String EXPLANATION = "model-explanation";

    private final ProgramRunner runner;
    private final Executor background;
    private final Executor ui;
    private final Spinner<Integer> cores = new Spinner<>(1, 16, 4);
    private final Label caption = new Label();
    private final TabPane tabs = new TabPane();
    private final TimelineView lessonTimeline = new TimelineView();
    private final List<TimelineView> timelines = new ArrayList<>();
    private final List<RunViewModel> runs = new ArrayList<>();
    private final RunViewModel lessonRun;
    private final TraceIndex[] results = new TraceIndex[Model.values().length];
    private final String[] sources = new String[Model.values().length];
    private final ComparisonChart comparison = new ComparisonChart();
    /** Wall times as last shown, in model order (models that have not run yet are left out). */
    private List<Double> walls = List.of();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private TraceIndex lessonResult;
    private String lessonSource = "";
    private String lessonFile = "lesson.py";
    private Workload workload = new Workload(true, 2, 2, ModelVariants.LESSON_SIZE);
    private int size = ModelVariants.LESSON_SIZE;
    private Consumer<Optional<Model>> onSelect = m -> { };
    private Runnable onCoresChanged = () -> { };

    public ModelsLab(ProgramRunner runner, Executor background, Executor ui) {
        this.runner = runner;
        this.background = background;
        this.ui = ui;
        getStyleClass().add(STYLE_CLASS);
        setSpacing(4);
        setPadding(new Insets(2, 4, 4, 4));
        lessonRun = new RunViewModel(runner, background, ui);
        cores.setId("model-cores");
        cores.setPrefWidth(80);
        cores.setEditable(true);
        cores.setTooltip(new Tooltip("Simulated CPU cores (os.cpu_count())"));
        cores.valueProperty().addListener((o, a, b) -> onCoresChanged.run());
        caption.getStyleClass().add(CAPTION);
        caption.setWrapText(true);
        caption.setMinHeight(Region.USE_PREF_SIZE);
        Label coresLabel = new Label("Cores");
        coresLabel.setMinWidth(Region.USE_PREF_SIZE);
        cores.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(8, caption, new Region(), coresLabel, cores);
        HBox.setHgrow(bar.getChildren().get(1), Priority.ALWAYS);
        HBox.setHgrow(caption, Priority.SOMETIMES);
        bar.setAlignment(Pos.CENTER_LEFT);

        lessonTimeline.setId("timeline-lesson");
        lessonTimeline.titleProperty().set("the lesson's program");
        Tab lessonTab = tab("Lesson program", lessonTimeline,
                "The lesson's code as written: thread pool, process pool and asyncio, one after the other.");
        lessonTab.setId("tab-lesson");
        tabs.getTabs().add(lessonTab);
        lessonRun.runningProperty().addListener((o, a, b) -> tabRunning(lessonTab, b));
        for (Model m : Model.values()) {
            TimelineView t = new TimelineView();
            t.setId("timeline-" + m.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            t.titleProperty().set(m.label);
            if (!timelines.isEmpty()) {
                // One time axis for the four models, so switching tabs compares like with like.
                t.scaleProperty().bindBidirectional(timelines.getFirst().scaleProperty());
            }
            timelines.add(t);
            Tab tab = tab(m.label, t, m.explanation);
            tab.setId("tab-" + m.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            tabs.getTabs().add(tab);
            RunViewModel run = new RunViewModel(runner, background, ui);
            run.runningProperty().addListener((o, a, b) -> {
                tabRunning(tab, b);
                updateRunning();
            });
            runs.add(run);
        }
        lessonRun.runningProperty().addListener((o, a, b) -> updateRunning());
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> onSelect.accept(selected()));

        comparison.setId("comparison");
        comparison.setTooltip(new Tooltip("Wall time and CPU use come from the simulated runs; memory adds up what "
                + "CPython 3.12 measured for each process (15.9 MiB), thread (12 KiB) and task (1.3 KiB)."));
        comparison.placeholderProperty().set("The comparison appears as the models finish running.");
        comparison.setMinWidth(0);
        ScrollPane side = new ScrollPane(comparison);
        side.setFitToWidth(true);
        side.setMinWidth(0);
        side.getStyleClass().add("edge-to-edge");
        SplitPane split = new SplitPane(tabs, side);
        split.setDividerPositions(0.74);
        SplitPane.setResizableWithParent(side, false);
        getChildren().addAll(bar, split);
        VBox.setVgrow(split, Priority.ALWAYS);
        updateCaption();
    }

    private static Tab tab(String title, TimelineView timeline, String explanation) {
        Label text = new Label(explanation);
        text.getStyleClass().add(EXPLANATION);
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(2, text, timeline);
        VBox.setVgrow(timeline, Priority.ALWAYS);
        box.setPadding(new Insets(2, 0, 0, 0));
        Tab tab = new Tab(title, box);
        tab.setClosable(false);
        return tab;
    }

    private static void tabRunning(Tab tab, boolean isRunning) {
        if (isRunning) {
            ProgressIndicator p = new ProgressIndicator();
            p.setPrefSize(14, 14);
            tab.setGraphic(p);
        } else {
            tab.setGraphic(null);
        }
    }

    private void updateRunning() {
        running.set(lessonRun.isRunning() || runs.stream().anyMatch(RunViewModel::isRunning));
    }

    /** Called with the tab the learner picked (empty: the lesson's program); the workbench shows that run. */
    public void setOnSelect(Consumer<Optional<Model>> handler) {
        onSelect = handler;
    }

    /** Called when the learner changes the number of cores: the workbench runs everything again. */
    public void setOnCoresChanged(Runnable r) {
        onCoresChanged = r;
    }

    /** The lesson program's timeline and the four models', in tab order. */
    public List<TimelineView> timelines() {
        List<TimelineView> all = new ArrayList<>();
        all.add(lessonTimeline);
        all.addAll(timelines);
        return all;
    }

    public TimelineView timeline(Optional<Model> m) {
        return m.map(x -> timelines.get(x.ordinal())).orElse(lessonTimeline);
    }

    public TraceIndex result(Optional<Model> m) {
        return m.map(x -> results[x.ordinal()]).orElse(lessonResult);
    }

    public TraceIndex result(Model m) {
        return results[m.ordinal()];
    }

    /** The source a tab runs: the lesson's code, or the model's template. */
    public String source(Optional<Model> m) {
        return m.map(x -> sources[x.ordinal()]).orElse(lessonSource);
    }

    public String fileName(Optional<Model> m) {
        return m.map(Model::fileName).orElse(lessonFile);
    }

    public Settings settings(Optional<Model> m) {
        return m.map(x -> x.settings(cores())).orElse(Settings.defaults().withCpuCount(cores()));
    }

    /** The run view model of a tab, for its status, errors and stop reason. */
    public RunViewModel run(Optional<Model> m) {
        return m.map(x -> runs.get(x.ordinal())).orElse(lessonRun);
    }

    public Optional<Model> selected() {
        int i = tabs.getSelectionModel().getSelectedIndex();
        return i <= 0 ? Optional.empty() : Optional.of(Model.values()[i - 1]);
    }

    public void select(Optional<Model> m) {
        int i = m.map(x -> x.ordinal() + 1).orElse(0);
        if (tabs.getSelectionModel().getSelectedIndex() == i) {
            onSelect.accept(m);
        } else {
            tabs.getSelectionModel().select(i);
        }
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    public int cores() {
        return cores.getValue();
    }

    public void setCores(int n) {
        cores.getValueFactory().setValue(n);
    }

    public Workload workload() {
        return workload;
    }

    /** Additions per CPU-bound job in the models' templates (tests use fewer to run faster). */
    public void setJobSize(int additions) {
        size = additions;
    }

    /** Runs the lesson's program and the four models of its workload. */
    public void runAll(String fileName, String lessonCode, Workload w) {
        lessonFile = fileName;
        lessonSource = lessonCode;
        workload = new Workload(w.cpu(), w.jobs(), w.workers(), size);
        updateCaption();
        runLesson();
        for (Model m : Model.values()) {
            runModel(m, ModelVariants.source(m, workload));
        }
    }

    /** Runs the lesson's program alone (the learner edited it). */
    public void runLesson(String lessonCode) {
        lessonSource = lessonCode;
        runLesson();
    }

    private void runLesson() {
        lessonRun.run(lessonFile, lessonSource, Settings.defaults().withCpuCount(cores()), ix -> {
            lessonResult = ix;
            lessonTimeline.setIndex(ix);
            if (selected().isEmpty()) {
                onSelect.accept(Optional.empty());
            }
        });
    }

    /** Runs one model's program (the template, or the learner's edit of it). */
    public void runModel(Model m, String source) {
        sources[m.ordinal()] = source;
        runs.get(m.ordinal()).run(m.fileName(), source, m.settings(cores()), ix -> {
            results[m.ordinal()] = ix;
            timelines.get(m.ordinal()).setIndex(ix);
            fitModels();
            updateCharts();
            if (selected().equals(Optional.of(m))) {
                onSelect.accept(Optional.of(m));
            }
        });
    }

    /** Asks every run under way to stop. */
    public void cancel() {
        lessonRun.cancel();
        runs.forEach(RunViewModel::cancel);
    }

    /** Fits the shared axis of the four models to the longest run. */
    public void fitModels() {
        TimelineView longest = null;
        long end = -1;
        for (Model m : Model.values()) {
            TraceIndex ix = results[m.ordinal()];
            if (ix != null && ix.trace().endTime() > end) {
                end = ix.trace().endTime();
                longest = timelines.get(m.ordinal());
            }
        }
        if (longest != null) {
            for (TimelineView t : timelines) {
                t.fitEndProperty().set(end);
            }
            longest.fit();
        }
    }

    private void updateCaption() {
        caption.setText("One workload, four models: " + workload.describe() + ". Each model runs it alone; "
                + "the time axis is shared.");
    }

    private void updateCharts() {
        List<ComparisonChart.Entry> wall = new ArrayList<>();
        List<ComparisonChart.Entry> cpu = new ArrayList<>();
        List<ComparisonChart.Entry> memory = new ArrayList<>();
        List<Double> times = new ArrayList<>();
        for (Model m : Model.values()) {
            TraceIndex ix = results[m.ordinal()];
            if (ix == null) {
                continue;
            }
            RunStats s = RunStats.of(ix.trace(), cores(), MemoryModel.defaults());
            String style = "model-" + m.name().toLowerCase(Locale.ROOT).replace('_', '-');
            wall.add(new ComparisonChart.Entry(m.label, style, s.wallNs(), TimeScale.duration(s.wallNs())));
            double use = 100 * Math.min(1, s.cpuUse());
            cpu.add(new ComparisonChart.Entry(m.label, style, use, String.format(Locale.ROOT, "%.0f %%", use)));
            double mib = s.peakBytes() / (1024.0 * 1024);
            memory.add(new ComparisonChart.Entry(m.label, style, mib, String.format(Locale.ROOT, "%.1f MiB", mib)));
            times.add(s.wallNs() / 1e9);
        }
        walls = List.copyOf(times);
        comparison.setGroups(List.of(
                new ComparisonChart.Group("Wall time", wall),
                new ComparisonChart.Group("CPU use of " + cores() + (cores() == 1 ? " core" : " cores"), cpu),
                new ComparisonChart.Group("Peak memory", memory)));
    }

    public ComparisonChart comparison() {
        return comparison;
    }

    /** Wall times in seconds per model as charted (in model order, only those that ran), for tests. */
    public List<Number> wallTimes() {
        return List.copyOf(walls);
    }

    public String caption() {
        return caption.getText();
    }
}
