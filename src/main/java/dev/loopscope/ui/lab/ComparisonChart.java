package dev.loopscope.ui.lab;

import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;

/**
 * Figures of a few runs side by side as labelled horizontal bars, one JavaFX bar chart per measure (wall time,
 * CPU use, memory). Meant for a handful of runs: each bar carries its value as text, so it reads without an axis.
 */
public class ComparisonChart extends Control {

    public static final String STYLE_CLASS = "comparison-chart";
    public static final String GROUP_TITLE = "comparison-title";
    public static final String BAR_CHART = "comparison-bars";
    public static final String BAR = "comparison-bar";
    public static final String EMPTY = "comparison-empty";

    /** One bar: what it is, a style class that colours it, its value and how the value reads. */
    public record Entry(String label, String styleClass, double value, String text) {}

    /** One measure: a title and its bars, scaled to the largest. */
    public record Group(String title, List<Entry> entries) {
        public Group {
            Objects.requireNonNull(title, "title");
            entries = List.copyOf(entries);
        }
    }

    private final ObjectProperty<List<Group>> groups = new SimpleObjectProperty<>(this, "groups", List.of());
    private final ObjectProperty<String> placeholder = new SimpleObjectProperty<>(this, "placeholder", "");

    public ComparisonChart() {
        getStyleClass().add(STYLE_CLASS);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new ComparisonChartSkin(this);
    }

    @Override
    public String getUserAgentStylesheet() {
        return ComparisonChart.class.getResource("comparison-chart.css").toExternalForm();
    }

    public ObjectProperty<List<Group>> groupsProperty() {
        return groups;
    }

    public List<Group> getGroups() {
        return groups.get();
    }

    public void setGroups(List<Group> value) {
        groups.set(List.copyOf(value));
    }

    /** What the chart says while it has nothing to show. */
    public ObjectProperty<String> placeholderProperty() {
        return placeholder;
    }
}
