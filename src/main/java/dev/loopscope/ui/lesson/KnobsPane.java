package dev.loopscope.ui.lesson;

import dev.loopscope.lesson.Knob;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/** The lesson's knobs as controls; each change hands the new knob values on, to rewrite the code and re-run. */
public final class KnobsPane extends FlowPane {

    public static final String STYLE_CLASS = "knobs-pane";
    public static final String KNOB = "knob";

    private final Map<String, String> values = new LinkedHashMap<>();
    /** Sets a control to a value literal, without telling anyone. */
    private final Map<String, Consumer<String>> setters = new HashMap<>();
    private Consumer<Map<String, String>> onChange = v -> { };
    private boolean updating;

    public KnobsPane() {
        super(18, 6);
        getStyleClass().add(STYLE_CLASS);
        setAlignment(Pos.CENTER_LEFT);
    }

    public void setOnChange(Consumer<Map<String, String>> handler) {
        onChange = handler;
    }

    public Map<String, String> values() {
        return Map.copyOf(values);
    }

    public void setKnobs(List<Knob> knobs) {
        getChildren().clear();
        values.clear();
        setters.clear();
        for (Knob k : knobs) {
            values.put(k.id(), k.literal());
            getChildren().add(control(k));
        }
        setVisible(!knobs.isEmpty());
        setManaged(!knobs.isEmpty());
    }

    /** Sets one knob as if the learner had, with one change. */
    public void setValue(String id, String value) {
        Map<String, String> all = new LinkedHashMap<>(values);
        all.put(id, value);
        setValues(all);
    }

    /** Sets several knobs at once (a predict question's values): the controls follow, and one change is told. */
    public void setValues(Map<String, String> newValues) {
        boolean changed = false;
        updating = true;
        try {
            for (var e : newValues.entrySet()) {
                if (values.containsKey(e.getKey()) && !e.getValue().equals(values.get(e.getKey()))) {
                    values.put(e.getKey(), e.getValue());
                    setters.get(e.getKey()).accept(e.getValue());
                    changed = true;
                }
            }
        } finally {
            updating = false;
        }
        if (changed) {
            onChange.accept(Map.copyOf(values));
        }
    }

    private void changed(String id, String value) {
        if (!updating && !value.equals(values.get(id))) {
            values.put(id, value);
            onChange.accept(Map.copyOf(values));
        }
    }

    private Node control(Knob k) {
        Label label = new Label(k.label());
        Node c = switch (k.control()) {
            case Knob.Toggle t -> {
                CheckBox box = new CheckBox(k.literal());
                box.setSelected(k.literal().equals(t.on()));
                box.selectedProperty().addListener((o, a, b) -> {
                    box.setText(b ? t.on() : t.off());
                    changed(k.id(), b ? t.on() : t.off());
                });
                setters.put(k.id(), v -> box.setSelected(v.equals(t.on())));
                yield box;
            }
            case Knob.Choice ch -> {
                ComboBox<String> box = new ComboBox<>();
                box.getItems().setAll(ch.values());
                box.setValue(k.literal());
                box.valueProperty().addListener((o, a, b) -> changed(k.id(), b));
                setters.put(k.id(), box::setValue);
                yield box;
            }
            case Knob.IntegerSpinner s -> {
                Spinner<Integer> sp = new Spinner<>((int) s.min(), (int) s.max(), Integer.parseInt(k.literal()), (int) s.step());
                sp.setPrefWidth(90);
                sp.setEditable(true);
                sp.valueProperty().addListener((o, a, b) -> changed(k.id(), s.literal(b)));
                setters.put(k.id(), v -> sp.getValueFactory().setValue(Integer.parseInt(v)));
                yield sp;
            }
            case Knob.FloatSlider f -> {
                Slider sl = new Slider(f.min().doubleValue(), f.max().doubleValue(), Double.parseDouble(k.literal()));
                sl.setMajorTickUnit(f.step().doubleValue());
                sl.setMinorTickCount(0);
                sl.setSnapToTicks(true);
                sl.setBlockIncrement(f.step().doubleValue());
                sl.setPrefWidth(140);
                Label value = new Label(k.literal());
                value.setMinWidth(Region.USE_PREF_SIZE);
                // While dragging only the number follows; the program runs when the thumb is let go.
                sl.valueChangingProperty().addListener((o, a, b) -> {
                    if (!b) {
                        changed(k.id(), f.literal(sl.getValue()));
                    }
                });
                sl.valueProperty().addListener((o, a, b) -> {
                    value.setText(f.literal(b.doubleValue()));
                    if (!sl.isValueChanging()) {
                        changed(k.id(), f.literal(b.doubleValue()));
                    }
                });
                setters.put(k.id(), v -> sl.setValue(Double.parseDouble(v)));
                HBox box = new HBox(6, sl, value);
                box.setAlignment(Pos.CENTER_LEFT);
                yield box;
            }
        };
        c.setId("knob-" + k.id());
        HBox row = new HBox(6, label, c);
        row.getStyleClass().add(KNOB);
        row.setAlignment(Pos.CENTER_LEFT);
        label.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip.install(row, new Tooltip("Sets the value on line " + k.codeLine() + " of the code and runs it again"));
        return row;
    }
}
