package dev.loopscope.ui.lab;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.layout.VBox;

/**
 * Lays a {@link ComparisonChart} out as one horizontal JavaFX bar chart per group, under the group's title.
 * Each category reads "label · value", so the bars need no numbered axis; the first entry is the top bar.
 */
public class ComparisonChartSkin extends SkinBase<ComparisonChart> {

    /**
     * Height of one bar's row in lines of the group title's font (so presenter mode's larger fonts get taller
     * rows); charts grow with their entries instead of squeezing them, which would hide every other label.
     */
    private static final double ROW_LINES = 1.6;

    private final VBox box = new VBox();
    private final Label empty = new Label();

    public ComparisonChartSkin(ComparisonChart chart) {
        super(chart);
        box.getStyleClass().add("comparison-box");
        empty.getStyleClass().add(ComparisonChart.EMPTY);
        empty.setWrapText(true);
        empty.textProperty().bind(chart.placeholderProperty());
        getChildren().add(box);
        registerChangeListener(chart.groupsProperty(), e -> rebuild());
        rebuild();
    }

    private void rebuild() {
        List<Node> nodes = new ArrayList<>();
        List<ComparisonChart.Group> groups = getSkinnable().getGroups();
        if (groups.stream().allMatch(g -> g.entries().isEmpty())) {
            nodes.add(empty);
        }
        for (ComparisonChart.Group g : groups) {
            if (g.entries().isEmpty()) {
                continue;
            }
            Label title = new Label(g.title());
            title.getStyleClass().add(ComparisonChart.GROUP_TITLE);
            title.setWrapText(true);
            VBox group = new VBox(title, chart(g, title));
            group.getStyleClass().add("comparison-group");
            nodes.add(group);
        }
        box.getChildren().setAll(nodes);
    }

    private static BarChart<Number, String> chart(ComparisonChart.Group g, Label title) {
        NumberAxis values = new NumberAxis();
        values.setForceZeroInRange(true);
        values.setTickLabelsVisible(false);
        values.setTickMarkVisible(false);
        values.setMinorTickVisible(false);
        values.setMinHeight(0);
        values.setPrefHeight(0);
        CategoryAxis names = new CategoryAxis();
        names.setTickMarkVisible(false);
        // A category axis lists its first category at the bottom: add the entries in reverse to read top down.
        List<String> categories = new ArrayList<>();
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        for (ComparisonChart.Entry e : g.entries().reversed()) {
            String category = categoryOf(e);
            categories.add(category);
            series.getData().add(new XYChart.Data<>(e.value(), category));
        }
        names.getCategories().setAll(categories);
        BarChart<Number, String> chart = new BarChart<>(values, names);
        chart.getStyleClass().add(ComparisonChart.BAR_CHART);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setHorizontalGridLinesVisible(false);
        chart.setVerticalGridLinesVisible(false);
        chart.setHorizontalZeroLineVisible(false);
        chart.setVerticalZeroLineVisible(false);
        chart.setCategoryGap(6);
        chart.setBarGap(0);
        chart.getData().add(series);
        // The chart gives each bar its classes as it makes the bar: colour it by model afterwards.
        List<ComparisonChart.Entry> entries = g.entries().reversed();
        for (int i = 0; i < entries.size(); i++) {
            Node bar = series.getData().get(i).getNode();
            if (bar != null) {
                bar.getStyleClass().addAll(ComparisonChart.BAR, entries.get(i).styleClass());
            }
        }
        int rows = g.entries().size();
        DoubleBinding height = Bindings.createDoubleBinding(
                () -> ROW_LINES * title.getFont().getSize() * rows + 12, title.fontProperty());
        chart.minHeightProperty().bind(height);
        chart.prefHeightProperty().bind(height);
        chart.maxHeightProperty().bind(height);
        chart.setMinWidth(0);
        chart.setPrefWidth(220);
        return chart;
    }

    /** The text beside a bar: what it is and its value, so the chart reads without an axis. */
    static String categoryOf(ComparisonChart.Entry e) {
        return e.label() + "  ·  " + e.text();
    }
}
