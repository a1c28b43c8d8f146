package dev.loopscope.ui.lab;

import dev.loopscope.engine.Settings;
import dev.loopscope.engine.trace.TraceIndex;
import dev.loopscope.run.DemoPrograms;
import dev.loopscope.run.ModelCosts;
import dev.loopscope.run.ProgramRunner;
import dev.loopscope.ui.run.RunViewModel;
import dev.loopscope.ui.timeline.TimelineView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Lesson 11's lab: one workload (CPU- or I/O-bound, a number of tasks, a number of cores) run under four
 * models — threads with the GIL, threads without it, a process pool, asyncio — with each model's lanes (the GIL
 * lane shows who holds it and who waits) and charts of wall time, CPU use and memory.
 */
public final class ModelsLab extends VBox {

    /** The four models, in the order they are shown. */
    public enum Model {
        THREADS_GIL("threads + GIL", "threads", true),
        THREADS_FREE("threads, no GIL", "threads", false),
        PROCESSES("process pool", "processes", true),
        ASYNCIO("asyncio", "asyncio", true);

        public final String label;
        public final String program;
        public final boolean gil;

        Model(String label, String program, boolean gil) {
            this.label = label;
            this.program = program;
            this.gil = gil;
        }
    }

    private final ComboBox<String> workload = new ComboBox<>();
    private final Spinner<Integer> tasks = new Spinner<>(1, 64, 4);
    private final Spinner<Integer> cores = new Spinner<>(1, 16, 4);
    private final TabPane tabs = new TabPane();
    private final List<TimelineView> timelines = new ArrayList<>();
    private final List<RunViewModel> runs = new ArrayList<>();
    private final TraceIndex[] results = new TraceIndex[Model.values().length];
    private final BarChart<String, Number> wall = chart("Wall time (s)");
    private final BarChart<String, Number> cpu = chart("CPU use (% of all cores)");
    private final BarChart<String, Number> memory = chart("Memory (MiB, estimated)");
    private final Label summary = new Label();
    private Consumer<Model> onSelect = m -> { };

    public ModelsLab(ProgramRunner runner, Executor background, Executor ui) {
        setSpacing(6);
        setPadding(new Insets(4));
        workload.getItems().addAll("CPU-bound", "I/O-bound");
        workload.setValue("CPU-bound");
        workload.setId("workload");
        tasks.setId("model-tasks");
        cores.setId("model-cores");
        tasks.setPrefWidth(80);
        cores.setPrefWidth(80);
        Button run = new Button("Run all four models");
        run.setId("run-models");
        run.getStyleClass().add("accent");
        run.setOnAction(e -> runAll());
        HBox chooser = new HBox(8, new Label("Workload"), workload, new Label("Tasks"), tasks, new Label("Cores"), cores, run,
                summary);
        chooser.setAlignment(Pos.CENTER_LEFT);
        summary.setWrapText(true);
        for (Model m : Model.values()) {
            TimelineView t = new TimelineView();
            t.setId("timeline-" + m.name().toLowerCase(Locale.ROOT));
            t.titleProperty().set(m.label);
            timelines.add(t);
            Tab tab = new Tab(m.label, t);
            tab.setClosable(false);
            tabs.getTabs().add(tab);
            runs.add(new RunViewModel(runner, background, ui));
        }
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> onSelect.accept(Model.values()[b.intValue()]));
        HBox charts = new HBox(4, wall, cpu, memory);
        for (var c : List.of(wall, cpu, memory)) {
            HBox.setHgrow(c, Priority.ALWAYS);
        }
        charts.setMinHeight(0);
        charts.setPrefHeight(170);
        SplitPane split = new SplitPane(tabs, charts);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.68);
        getChildren().addAll(chooser, split);
        VBox.setVgrow(split, Priority.ALWAYS);
    }

    private static BarChart<String, Number> chart(String title) {
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        BarChart<String, Number> c = new BarChart<>(x, y);
        c.setTitle(title);
        c.setLegendVisible(false);
        c.setAnimated(false);
        c.setMinWidth(0);
        c.setMinHeight(0);
        return c;
    }

    /** Called when the learner picks a model's tab: the workbench shows that run in the player. */
    public void setOnSelect(Consumer<Model> handler) {
        onSelect = handler;
    }

    public List<TimelineView> timelines() {
        return timelines;
    }

    public TraceIndex result(Model m) {
        return results[m.ordinal()];
    }

    public Model selected() {
        return Model.values()[Math.max(0, tabs.getSelectionModel().getSelectedIndex())];
    }

    public void select(Model m) {
        tabs.getSelectionModel().select(m.ordinal());
        onSelect.accept(m);
    }

    public boolean isRunning() {
        return runs.stream().anyMatch(RunViewModel::isRunning);
    }

    public String source(Model m) {
        return DemoPrograms.modelsSource(m.program, workload.getValue().startsWith("CPU") ? "cpu" : "io", tasks.getValue());
    }

    public void setWorkload(boolean cpuBound, int taskCount, int coreCount) {
        workload.setValue(cpuBound ? "CPU-bound" : "I/O-bound");
        tasks.getValueFactory().setValue(taskCount);
        cores.getValueFactory().setValue(coreCount);
    }

    public void runAll() {
        for (Model m : Model.values()) {
            Settings settings = Settings.defaults().withCpuCount(cores.getValue()).withGil(m.gil);
            runs.get(m.ordinal()).run(m.program + ".py", source(m), settings, ix -> {
                results[m.ordinal()] = ix;
                timelines.get(m.ordinal()).setIndex(ix);
                updateCharts();
                if (m == selected()) {
                    onSelect.accept(m);
                }
            });
        }
    }

    private void updateCharts() {
        XYChart.Series<String, Number> w = new XYChart.Series<>();
        XYChart.Series<String, Number> c = new XYChart.Series<>();
        XYChart.Series<String, Number> mem = new XYChart.Series<>();
        StringBuilder text = new StringBuilder();
        for (Model m : Model.values()) {
            TraceIndex ix = results[m.ordinal()];
            if (ix == null) {
                continue;
            }
            ModelCosts.Cost cost = ModelCosts.of(ix, cores.getValue());
            w.getData().add(new XYChart.Data<>(m.label, cost.wallSeconds()));
            c.getData().add(new XYChart.Data<>(m.label, cost.cpuPercent()));
            mem.getData().add(new XYChart.Data<>(m.label, cost.memoryMiB()));
            text.append(String.format(Locale.ROOT, "%s %.2f s · ", m.label, cost.wallSeconds()));
        }
        wall.getData().setAll(List.of(w));
        cpu.getData().setAll(List.of(c));
        memory.getData().setAll(List.of(mem));
        summary.setText(text.isEmpty() ? "" : text.substring(0, text.length() - 3));
    }

    /** Wall times per model as charted, for tests. */
    public List<Number> wallTimes() {
        return wall.getData().isEmpty() ? List.of()
                : wall.getData().getFirst().getData().stream().map(XYChart.Data::getYValue).toList();
    }
}
