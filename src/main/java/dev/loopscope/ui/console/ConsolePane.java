package dev.loopscope.ui.console;

import dev.loopscope.engine.trace.TraceIndex;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;

/**
 * What the program printed up to the playhead: standard output and standard error told apart by colour and by
 * a gutter mark ("›" and "!"), the lines the last step printed highlighted.
 */
public final class ConsolePane extends BorderPane {

    public static final String STYLE_CLASS = "console-pane";
    public static final String STDOUT = "console-stdout";
    public static final String STDERR = "console-stderr";
    public static final String NEW = "console-new";

    /** One printed line; {@code fresh} when the last step printed it. */
    public record Line(String text, boolean stderr, boolean fresh) {}

    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final ListView<Line> list = new ListView<>(lines);
    private final Label placeholder = new Label("Nothing printed yet.\nSpace plays the run, → steps through it.");
    private TraceIndex index;
    private int shown = -1;

    public ConsolePane() {
        getStyleClass().add(STYLE_CLASS);
        placeholder.setWrapText(true);
        placeholder.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        placeholder.getStyleClass().add("text-muted");
        list.setPlaceholder(placeholder);
        list.setFocusTraversable(false);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Line line, boolean empty) {
                super.updateItem(line, empty);
                getStyleClass().removeAll(STDOUT, STDERR, NEW);
                if (empty || line == null) {
                    setText(null);
                    return;
                }
                setText((line.stderr() ? "!  " : "›  ") + line.text());
                getStyleClass().add(line.stderr() ? STDERR : STDOUT);
                if (line.fresh()) {
                    getStyleClass().add(NEW);
                }
            }
        });
        setCenter(list);
    }

    public void setIndex(TraceIndex ix) {
        index = ix;
        shown = -1;
        lines.clear();
    }

    /** Shows the output of the first {@code count} output events; the ones from {@code firstFresh} on are new. */
    public void show(int count, int firstFresh) {
        if (index == null) {
            lines.clear();
            return;
        }
        List<Line> out = new ArrayList<>();
        List<TraceIndex.OutputLine> outputs = index.outputs();
        for (int i = 0; i < Math.min(count, outputs.size()); i++) {
            TraceIndex.OutputLine o = outputs.get(i);
            String text = o.text().endsWith("\n") ? o.text().substring(0, o.text().length() - 1) : o.text();
            for (String l : text.split("\n", -1)) {
                out.add(new Line(l, o.stderr(), i >= firstFresh));
            }
        }
        if (!out.equals(lines)) {
            lines.setAll(out);
            if (!out.isEmpty() && count != shown) {
                list.scrollTo(out.size() - 1);
            }
        }
        shown = count;
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    /** The printed text as one string, stdout and stderr interleaved as they came. */
    public String text() {
        StringBuilder b = new StringBuilder();
        lines.forEach(l -> b.append(l.text()).append('\n'));
        return b.toString();
    }
}
