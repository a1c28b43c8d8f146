package dev.loopscope.ui.code;

import dev.loopscope.run.RunResult;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.function.IntFunction;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Polygon;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * The program's code: Python colouring, line numbers, an arrow and a band on the line running at the
 * playhead, and the front end's error underlined at its line and column with the message below.
 * Ctrl+Enter asks for a run.
 */
public final class CodePane extends BorderPane {

    public static final String STYLE_CLASS = "code-pane";
    public static final String CURRENT_LINE = "current-line";
    public static final String ERROR_STYLE = "py-error";
    public static final String ERROR_MESSAGE = "code-error-message";
    public static final String ARROW = "current-line-arrow";

    private final CodeArea area = new CodeArea();
    private final Label message = new Label();
    private final IntegerProperty currentLine = new SimpleIntegerProperty(this, "currentLine", 0);
    private final ObjectProperty<RunResult.CompileError> error = new SimpleObjectProperty<>(this, "error");
    private Runnable onRun = () -> { };
    private int highlighted;

    public CodePane() {
        getStyleClass().add(STYLE_CLASS);
        getStylesheets().add(CodePane.class.getResource("code-pane.css").toExternalForm());
        IntFunction<Node> numbers = LineNumberFactory.get(area);
        area.setParagraphGraphicFactory(line -> {
            Polygon arrow = new Polygon(0, 0, 9, 5, 0, 10);
            arrow.getStyleClass().add(ARROW);
            arrow.visibleProperty().bind(currentLine.isEqualTo(line + 1));
            HBox box = new HBox(2, numbers.apply(line), arrow);
            box.setAlignment(Pos.CENTER_LEFT);
            return box;
        });
        area.multiPlainChanges().successionEnds(Duration.ofMillis(60)).subscribe(c -> restyle());
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                e.consume();
                onRun.run();
            }
        });
        area.textProperty().addListener((o, a, b) -> {
            if (error.get() != null) {
                error.set(null);
            }
        });
        message.getStyleClass().add(ERROR_MESSAGE);
        message.setWrapText(true);
        message.setVisible(false);
        message.setManaged(false);
        setCenter(new VirtualizedScrollPane<>(area));
        setBottom(message);
        currentLine.addListener((o, a, b) -> markLine(b.intValue()));
        error.addListener((o, a, b) -> showError(b));
    }

    public CodeArea area() {
        return area;
    }

    public String getText() {
        return area.getText();
    }

    /** Replaces the code (a new program, or knobs rewrote a literal); keeps the caret near where it was. */
    public void setText(String text) {
        if (text.equals(area.getText())) {
            return;
        }
        int caret = Math.min(area.getCaretPosition(), text.length());
        area.replaceText(text);
        area.moveTo(caret);
        restyle();
    }

    /** A new program: caret and view at its first line. */
    public void showTop() {
        area.moveTo(0);
        area.showParagraphAtTop(0);
    }

    /** The 1-based line running at the playhead (0: none). */
    public IntegerProperty currentLineProperty() {
        return currentLine;
    }

    public ObjectProperty<RunResult.CompileError> errorProperty() {
        return error;
    }

    public String errorMessage() {
        return message.isVisible() ? message.getText() : null;
    }

    public void setOnRun(Runnable r) {
        onRun = r == null ? () -> { } : r;
    }

    private void markLine(int line) {
        if (highlighted > 0 && highlighted <= area.getParagraphs().size()) {
            area.setParagraphStyle(highlighted - 1, List.of());
        }
        highlighted = 0;
        if (line > 0 && line <= area.getParagraphs().size()) {
            area.setParagraphStyle(line - 1, List.of(CURRENT_LINE));
            highlighted = line;
            area.showParagraphInViewport(line - 1);
        }
    }

    private void showError(RunResult.CompileError e) {
        restyle();
        if (e == null) {
            message.setVisible(false);
            message.setManaged(false);
            return;
        }
        message.setText("Line " + e.line() + ", column " + e.column() + ": " + e.message());
        message.setVisible(true);
        message.setManaged(true);
    }

    private void restyle() {
        String text = area.getText();
        StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
        for (PythonHighlighter.Run run : PythonHighlighter.runs(text)) {
            b.add(run.style().isEmpty() ? List.of() : List.of(run.style()), run.length());
        }
        if (text.isEmpty()) {
            b.add(List.of(), 0);
        }
        StyleSpans<Collection<String>> spans = b.create();
        area.setStyleSpans(0, spans);
        RunResult.CompileError e = error.get();
        if (e != null && e.line() >= 1 && e.line() <= area.getParagraphs().size()) {
            int lineLength = area.getParagraph(e.line() - 1).length();
            int col = Math.clamp(e.column() - 1, 0, Math.max(0, lineLength - 1));
            int from = area.getAbsolutePosition(e.line() - 1, col);
            int to = Math.min(text.length(), from + Math.max(1, Math.min(e.length(), lineLength - col)));
            if (to > from) {
                area.setStyle(from, to, List.of(ERROR_STYLE));
            }
        }
        markLine(currentLine.get());
    }
}
