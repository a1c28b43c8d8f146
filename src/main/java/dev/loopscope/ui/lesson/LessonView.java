package dev.loopscope.ui.lesson;

import dev.loopscope.lesson.Block;
import dev.loopscope.lesson.CodeBlock;
import dev.loopscope.lesson.DecisionTree;
import dev.loopscope.lesson.Heading;
import dev.loopscope.lesson.Inline;
import dev.loopscope.lesson.Lesson;
import dev.loopscope.lesson.ListBlock;
import dev.loopscope.lesson.Paragraph;
import dev.loopscope.lesson.Quiz;
import dev.loopscope.lesson.Quote;
import dev.loopscope.lesson.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** A lesson's text rendered from the lesson model: headings, paragraphs with inline code, tables, lists, code. */
public final class LessonView extends VBox {

    public static final String STYLE_CLASS = "lesson-view";
    public static final String INLINE_CODE = "inline-code";
    public static final String CODE_BLOCK = "lesson-code";
    public static final String TABLE = "lesson-table";
    public static final String CELL = "lesson-cell";
    public static final String HEADER_CELL = "lesson-header-cell";
    public static final String QUOTE = "lesson-quote";
    public static final String CODE_SCROLL = "lesson-code-scroll";
    public static final String ANIMATED_BLOCK = "lesson-animated-block";

    private Consumer<String> onChooseModel = m -> { };

    public LessonView() {
        getStyleClass().add(STYLE_CLASS);
        setSpacing(10);
        setPadding(new Insets(12));
    }

    /** Called with "asyncio", "threads" or "processes" when the decision tree chooser recommends a model. */
    public void setOnChooseModel(Consumer<String> handler) {
        onChooseModel = handler;
    }

    public void show(Lesson lesson) {
        getChildren().clear();
        if (lesson == null) {
            return;
        }
        Label title = new Label(lesson.number() + ". " + lesson.title());
        title.getStyleClass().add("title-2");
        title.setWrapText(true);
        getChildren().add(title);
        List<ListBlock> checklists = new ArrayList<>();
        for (Block b : lesson.blocks()) {
            if (b instanceof ListBlock l && l.items().stream().anyMatch(i -> i.text().contains("→"))) {
                checklists.add(l);
            }
        }
        for (Block b : lesson.blocks()) {
            Node n = render(b, checklists);
            if (n != null) {
                getChildren().add(n);
            }
        }
    }

    /** What the lesson side says for a program the user opened, which has no lesson. */
    public void showProgramNote(String fileName) {
        getChildren().clear();
        Label title = new Label(fileName);
        title.getStyleClass().add("title-2");
        title.setWrapText(true);
        Label note = new Label("A Python program you opened. It runs on the simulation engine exactly as CPython 3.12 "
                + "would run it, in virtual time. Edit it and press Run (Ctrl+Enter); step with ← and →, play with "
                + "Space, press F5 to present.");
        note.setWrapText(true);
        getChildren().addAll(title, note);
    }

    private Node render(Block block, List<ListBlock> checklists) {
        return switch (block) {
            case Heading h -> {
                if (h.text().equalsIgnoreCase("Quick check")) {
                    yield null;
                }
                Label l = new Label(h.text());
                l.getStyleClass().add(h.level() <= 3 ? "title-3" : "title-4");
                yield l;
            }
            case Paragraph p -> flow(p.inlines());
            case CodeBlock c -> {
                Label code = new Label(c.code().stripTrailing());
                code.getStyleClass().add(CODE_BLOCK);
                code.setWrapText(false);
                code.setMinWidth(Region.USE_PREF_SIZE);
                // Code keeps its lines: a wide block scrolls sideways inside the column.
                ScrollPane scroll = new ScrollPane(code);
                scroll.getStyleClass().addAll(CODE_SCROLL, "edge-to-edge");
                scroll.setFitToHeight(true);
                scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
                scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
                scroll.setMinWidth(0);
                passVerticalScrollOn(scroll);
                if (c.animated()) {
                    // The animated program is in the code pane already, with its knobs: here it stays folded.
                    TitledPane folded = new TitledPane("The program of this lesson: it runs in the code pane and the lab", scroll);
                    folded.getStyleClass().add(ANIMATED_BLOCK);
                    folded.setExpanded(false);
                    folded.setAnimated(false);
                    folded.setMinWidth(0);
                    yield folded;
                }
                yield scroll;
            }
            case Table t -> table(t);
            case ListBlock l -> list(l);
            case DecisionTree d -> new DecisionChooser(d, checklists, onChooseModel);
            case Quote q -> {
                VBox box = new VBox(6);
                box.getStyleClass().add(QUOTE);
                for (Block inner : q.blocks()) {
                    Node n = render(inner, checklists);
                    if (n != null) {
                        box.getChildren().add(n);
                    }
                }
                yield box;
            }
            case Quiz q -> null;
        };
    }

    /** A code block scrolls sideways only: the wheel's vertical turns scroll the lesson around it. */
    private static void passVerticalScrollOn(ScrollPane inner) {
        inner.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> {
            if (Math.abs(e.getDeltaY()) <= Math.abs(e.getDeltaX())) {
                return;
            }
            for (javafx.scene.Parent p = inner.getParent(); p != null; p = p.getParent()) {
                if (p instanceof ScrollPane outer && outer.getContent() != null) {
                    double extra = outer.getContent().getBoundsInLocal().getHeight()
                            - outer.getViewportBounds().getHeight();
                    if (extra > 0) {
                        outer.setVvalue(Math.clamp(outer.getVvalue() - e.getDeltaY() / extra, 0, 1));
                    }
                    e.consume();
                    return;
                }
            }
        });
    }

    static TextFlow flow(List<Inline> inlines) {
        TextFlow flow = new TextFlow();
        addInlines(flow, inlines, false, false);
        flow.getStyleClass().add("lesson-paragraph");
        return flow;
    }

    private static void addInlines(TextFlow flow, List<Inline> inlines, boolean bold, boolean italic) {
        for (Inline in : inlines) {
            switch (in) {
                case Inline.Text t -> {
                    Text text = new Text(t.text());
                    text.getStyleClass().add("lesson-text");
                    if (bold) {
                        text.getStyleClass().add("text-bold");
                    }
                    if (italic) {
                        text.getStyleClass().add("text-italic");
                    }
                    flow.getChildren().add(text);
                }
                case Inline.Code c -> {
                    // Text rather than a label, so long code wraps with the sentence around it.
                    Text code = new Text(c.code());
                    code.getStyleClass().add(INLINE_CODE);
                    flow.getChildren().add(code);
                }
                case Inline.Strong s -> addInlines(flow, s.children(), true, italic);
                case Inline.Emphasis e -> addInlines(flow, e.children(), bold, true);
                case Inline.Link l -> addInlines(flow, l.children(), bold, italic);
                case Inline.Break b -> flow.getChildren().add(new Text(b.hard() ? "\n" : " "));
            }
        }
    }

    private static Node table(Table t) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add(TABLE);
        // Columns share the width by how much text they hold, so a wide table wraps instead of overflowing.
        int columns = t.header().size();
        double[] weight = new double[columns];
        for (int c = 0; c < columns; c++) {
            weight[c] = 8 + textLength(t.header().get(c).inlines());
            for (List<Table.Cell> row : t.rows()) {
                if (c < row.size()) {
                    weight[c] = Math.max(weight[c], Math.min(60, 8 + textLength(row.get(c).inlines())));
                }
            }
        }
        double sum = java.util.Arrays.stream(weight).sum();
        for (int c = 0; c < columns; c++) {
            javafx.scene.layout.ColumnConstraints cc = new javafx.scene.layout.ColumnConstraints();
            cc.setPercentWidth(100 * weight[c] / sum);
            cc.setMinWidth(40);
            cc.setFillWidth(true);
            grid.getColumnConstraints().add(cc);
        }
        for (int c = 0; c < t.header().size(); c++) {
            TextFlow cell = flow(t.header().get(c).inlines());
            cell.getStyleClass().addAll(CELL, HEADER_CELL);
            grid.add(cell, c, 0);
        }
        for (int r = 0; r < t.rows().size(); r++) {
            List<Table.Cell> row = t.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                TextFlow cell = flow(row.get(c).inlines());
                cell.getStyleClass().add(CELL);
                grid.add(cell, c, r + 1);
            }
        }
        return grid;
    }

    private static int textLength(List<Inline> inlines) {
        int n = 0;
        for (Inline in : inlines) {
            n += switch (in) {
                case Inline.Text t -> t.text().length();
                case Inline.Code c -> c.code().length();
                case Inline.Strong st -> textLength(st.children());
                case Inline.Emphasis e -> textLength(e.children());
                case Inline.Link l -> textLength(l.children());
                case Inline.Break b -> 1;
            };
        }
        return n;
    }

    private Node list(ListBlock l) {
        VBox box = new VBox(4);
        int n = l.start();
        for (ListBlock.Item item : l.items()) {
            Label marker = new Label(l.ordered() ? (n++) + "." : "•");
            marker.setMinWidth(22);
            VBox body = new VBox(4, flow(item.inlines()));
            for (Block b : item.blocks()) {
                Node inner = render(b, List.of());
                if (inner != null) {
                    body.getChildren().add(inner);
                }
            }
            HBox row = new HBox(4, marker, body);
            box.getChildren().add(row);
        }
        return box;
    }
}
