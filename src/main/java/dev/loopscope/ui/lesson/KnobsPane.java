package dev.loopscope.ui.lesson;

import dev.loopscope.lesson.Knob;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;

/** The lesson's knobs as controls; each change hands the new knob values on, to rewrite the code and re-run. */
public final class KnobsPane extends FlowPane {

    public static final String STYLE_CLASS = "knobs-pane";

    private final Map<String, String> values = new LinkedHashMap<>();
    private Consumer<Map<String, String>> onChange = v -> { };

    public KnobsPane() {
        super(16, 6);
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
        for (Knob k : knobs) {
            values.put(k.id(), k.literal());
            getChildren().add(control(k));
        }
        setVisible(!knobs.isEmpty());
        setManaged(!knobs.isEmpty());
    }

    private void changed(String id, String value) {
        if (!value.equals(values.get(id))) {
            values.put(id, value);
            onChange.accept(Map.copyOf(values));
        }
    }

    private javafx.scene.Node control(Knob k) {
        Label label = new Label(k.label());
        javafx.scene.Node c = switch (k.control()) {
            case Knob.Toggle t -> {
                CheckBox box = new CheckBox(t.on());
                box.setSelected(k.literal().equals(t.on()));
                box.selectedProperty().addListener((o, a, b) -> changed(k.id(), b ? t.on() : t.off()));
                yield box;
            }
            case Knob.Choice ch -> {
                ComboBox<String> box = new ComboBox<>();
                box.getItems().setAll(ch.values());
                box.setValue(k.literal());
                box.valueProperty().addListener((o, a, b) -> changed(k.id(), b));
                yield box;
            }
            case Knob.IntegerSpinner s -> {
                Spinner<Integer> sp = new Spinner<>((int) s.min(), (int) s.max(), Integer.parseInt(k.literal()), (int) s.step());
                sp.setPrefWidth(90);
                sp.valueProperty().addListener((o, a, b) -> changed(k.id(), s.literal(b)));
                yield sp;
            }
            case Knob.FloatSlider f -> {
                Slider sl = new Slider(f.min().doubleValue(), f.max().doubleValue(), Double.parseDouble(k.literal()));
                sl.setMajorTickUnit(f.step().doubleValue());
                sl.setMinorTickCount(0);
                sl.setSnapToTicks(true);
                sl.setPrefWidth(140);
                Label value = new Label(k.literal());
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
                HBox box = new HBox(6, sl, value);
                box.setAlignment(Pos.CENTER_LEFT);
                yield box;
            }
        };
        c.setId("knob-" + k.id());
        HBox row = new HBox(6, label, c);
        row.setAlignment(Pos.CENTER_LEFT);
        label.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        return row;
    }

    static String format(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
