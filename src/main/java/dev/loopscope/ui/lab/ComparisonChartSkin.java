package dev.loopscope.ui.lab;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Lays a {@link ComparisonChart} out as a grid: per group a title, then label, bar and value per entry. */
public class ComparisonChartSkin extends SkinBase<ComparisonChart> {

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
            GridPane grid = new GridPane();
            grid.getStyleClass().add("comparison-grid");
            ColumnConstraints names = new ColumnConstraints();
            names.setHgrow(Priority.NEVER);
            ColumnConstraints bars = new ColumnConstraints();
            bars.setHgrow(Priority.ALWAYS);
            bars.setMinWidth(40);
            ColumnConstraints values = new ColumnConstraints();
            values.setHgrow(Priority.NEVER);
            values.setHalignment(HPos.RIGHT);
            grid.getColumnConstraints().setAll(names, bars, values);
            double max = g.entries().stream().mapToDouble(ComparisonChart.Entry::value).max().orElse(0);
            int row = 0;
            for (ComparisonChart.Entry e : g.entries()) {
                Label name = new Label(e.label());
                name.getStyleClass().add(ComparisonChart.ROW_LABEL);
                name.setMinWidth(Region.USE_PREF_SIZE);
                Region bar = new Region();
                bar.getStyleClass().addAll(ComparisonChart.BAR, e.styleClass());
                Label value = new Label(e.text());
                value.getStyleClass().add(ComparisonChart.VALUE);
                value.setMinWidth(Region.USE_PREF_SIZE);
                grid.add(name, 0, row);
                grid.add(new Track(bar, max <= 0 ? 0 : e.value() / max), 1, row);
                grid.add(value, 2, row);
                GridPane.setValignment(name, VPos.CENTER);
                row++;
            }
            VBox group = new VBox(title, grid);
            group.getStyleClass().add("comparison-group");
            nodes.add(group);
        }
        box.getChildren().setAll(nodes);
        box.setAlignment(Pos.TOP_LEFT);
    }

    /** A bar's place: the bar fills the given fraction of its width, at least a sliver so zero still shows. */
    static final class Track extends Pane {
        private final Region bar;
        private final double fraction;

        Track(Region bar, double fraction) {
            this.bar = bar;
            this.fraction = Math.clamp(fraction, 0, 1);
            getStyleClass().add("comparison-track");
            getChildren().add(bar);
            setMinWidth(0);
        }

        @Override
        protected void layoutChildren() {
            double h = getHeight() - snappedTopInset() - snappedBottomInset();
            double w = getWidth() - snappedLeftInset() - snappedRightInset();
            bar.resizeRelocate(snappedLeftInset(), snappedTopInset(), Math.max(2, Math.round(w * fraction)), h);
        }

        @Override
        protected double computePrefHeight(double width) {
            return 18;
        }

        @Override
        protected double computePrefWidth(double height) {
            return 160;
        }

        double fraction() {
            return fraction;
        }
    }
}
