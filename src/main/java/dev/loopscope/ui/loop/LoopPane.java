package dev.loopscope.ui.loop;

import dev.loopscope.engine.trace.LaneState;
import dev.loopscope.engine.trace.Snapshot;
import dev.loopscope.engine.trace.TaskTree;
import dev.loopscope.engine.trace.TraceIndex;
import dev.loopscope.engine.trace.TraceIndex.QueuedHandle;
import dev.loopscope.ui.timeline.TimeScale;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * The event loop's insides at the playhead, as the best event-loop visualisers show them: the ready queue
 * (FIFO: the callbacks the next iteration runs, first at the left), the timer heap sorted by deadline, and
 * the tree of who awaits whom. Entries the last step added are highlighted.
 */
public final class LoopPane extends VBox {

    public static final String STYLE_CLASS = "loop-pane";
    public static final String ENTRY = "queue-entry";
    public static final String ENTRY_NEW = "queue-entry-new";
    public static final String ENTRY_TIMER = "timer-entry";
    public static final String HEADER = "loop-header";
    /** Beyond this many entries the rest is summarised: 10,000 cards help nobody. */
    static final int MAX_ENTRIES = 60;

    private final Label header = new Label();
    private final FlowPane ready = new FlowPane(6, 6);
    private final FlowPane timers = new FlowPane(Orientation.VERTICAL, 4, 4);
    private final TreeView<TaskTree.Node> tree = new TreeView<>();
    private final Label readyTitle = new Label("Ready queue");
    private final Label timerTitle = new Label("Timer heap");
    private final TabPane tabs = new TabPane();
    private TraceIndex index;
    /** The point last shown, so the task tree can catch up when its tab is opened. */
    private Snapshot shown;

    public LoopPane() {
        getStyleClass().add(STYLE_CLASS);
        header.getStyleClass().add(HEADER);
        header.setWrapText(true);
        header.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        readyTitle.getStyleClass().add("text-bold");
        timerTitle.getStyleClass().add("text-bold");
        readyTitle.setWrapText(true);
        timerTitle.setWrapText(true);
        ready.setPadding(new Insets(4));
        timers.setPadding(new Insets(4));
        timers.setPrefWrapLength(400);
        VBox queues = new VBox(6, readyTitle, ready, timerTitle, timers);
        queues.setPadding(new Insets(6));
        ScrollPane scroll = new ScrollPane(queues);
        scroll.setFitToWidth(true);
        tree.setShowRoot(false);
        tree.setCellFactory(v -> new javafx.scene.control.TreeCell<>() {
            @Override
            protected void updateItem(TaskTree.Node node, boolean empty) {
                super.updateItem(node, empty);
                setText(empty || node == null ? null : node.label() + "  —  " + node.detail());
            }
        });
        Tab loopTab = new Tab("Event loop", scroll);
        Tab treeTab = new Tab("Task tree", tree);
        loopTab.setClosable(false);
        treeTab.setClosable(false);
        tabs.getTabs().addAll(loopTab, treeTab);
        // The tree is only rebuilt while its tab shows; opening the tab brings it to the playhead.
        treeTab.selectedProperty().addListener((o, was, now) -> {
            if (now && index != null && shown != null) {
                showTree(shown);
            }
        });
        getChildren().addAll(header, tabs);
        VBox.setVgrow(tabs, javafx.scene.layout.Priority.ALWAYS);
        setSpacing(4);
        setPadding(new Insets(4));
    }

    public void setIndex(TraceIndex ix) {
        index = ix;
        ready.getChildren().clear();
        timers.getChildren().clear();
        tree.setRoot(null);
        shown = null;
        header.setText(ix == null ? "No run yet" : "");
    }

    /** Shows the loop at {@code snap}; entries scheduled by the last step ({@code fresh}) are highlighted. */
    public void show(Snapshot snap, Set<Integer> fresh) {
        if (index == null || snap == null) {
            return;
        }
        shown = snap;
        String running = snap.runningTask() >= 0 ? index.taskName(snap.runningTask()) + " is running its step"
                : "no task step running";
        int gil = snap.gilHolder(0);
        String holder = gil >= 0 ? index.trace().thread(gil).name() : "nobody";
        if (index.mainLoopThread() < 0) {
            // Threads or processes without asyncio: there is no loop to look inside, only the GIL.
            header.setText("No event loop in this program · GIL held by " + holder);
        } else {
            header.setText(String.format(Locale.ROOT, "Iteration %d · %s · GIL held by %s", snap.iteration(), running,
                    holder));
        }
        readyTitle.setText("Ready queue — " + snap.ready().size() + (snap.ready().size() == 1 ? " callback" : " callbacks")
                + " (runs left to right in the next iteration)");
        timerTitle.setText("Timer heap — " + snap.timers().size() + (snap.timers().size() == 1 ? " timer" : " timers")
                + " (earliest deadline first)");
        List<javafx.scene.Node> cards = new ArrayList<>();
        int n = 0;
        for (QueuedHandle h : snap.ready()) {
            if (n++ >= MAX_ENTRIES) {
                cards.add(new Label(String.format(Locale.ROOT, "+ %,d more", snap.ready().size() - MAX_ENTRIES)));
                break;
            }
            Label card = new Label(n + ". " + h.label());
            card.getStyleClass().add(ENTRY);
            if (fresh.contains(h.handle())) {
                card.getStyleClass().add(ENTRY_NEW);
            }
            cards.add(card);
        }
        if (snap.ready().isEmpty()) {
            cards.add(new Label("empty"));
        }
        ready.getChildren().setAll(cards);
        List<javafx.scene.Node> timerCards = new ArrayList<>();
        n = 0;
        for (QueuedHandle h : snap.timers()) {
            if (n++ >= MAX_ENTRIES) {
                timerCards.add(new Label(String.format(Locale.ROOT, "+ %,d more", snap.timers().size() - MAX_ENTRIES)));
                break;
            }
            Label card = new Label(TimeScale.label(h.when(), 1e6) + "  " + h.label());
            card.getStyleClass().addAll(ENTRY, ENTRY_TIMER);
            if (fresh.contains(h.handle())) {
                card.getStyleClass().add(ENTRY_NEW);
            }
            timerCards.add(card);
        }
        if (snap.timers().isEmpty()) {
            timerCards.add(new Label("empty"));
        }
        timers.getChildren().setAll(timerCards);
        timers.setPrefWrapLength(Math.max(120, Math.min(snap.timers().size(), MAX_ENTRIES) * 30 + 30));
        if (tabs.getSelectionModel().getSelectedIndex() == 1 || tree.getRoot() == null) {
            showTree(snap);
        }
    }

    private void showTree(Snapshot snap) {
        List<TaskTree.Node> roots = TaskTree.at(index, snap);
        TreeItem<TaskTree.Node> root = new TreeItem<>();
        int budget = 400;
        for (TaskTree.Node r : roots) {
            if (budget-- <= 0) {
                break;
            }
            root.getChildren().add(item(r, 3));
        }
        tree.setRoot(root);
    }

    private TreeItem<TaskTree.Node> item(TaskTree.Node node, int depth) {
        TreeItem<TaskTree.Node> item = new TreeItem<>(node);
        item.setExpanded(node.state() != LaneState.DONE);
        int n = 0;
        for (TaskTree.Node c : node.children()) {
            if (n++ > 50) {
                break;
            }
            item.getChildren().add(item(c, depth - 1));
        }
        return item;
    }

    /** The line above the queues: the iteration, the running task, the GIL's holder. */
    public String headerText() {
        return header.getText();
    }

    /** The ready queue's labels as shown, for tests. */
    public List<String> readyLabels() {
        return ready.getChildren().stream().filter(c -> c.getStyleClass().contains(ENTRY))
                .map(c -> ((Label) c).getText()).toList();
    }

    public List<String> timerLabels() {
        return timers.getChildren().stream().filter(c -> c.getStyleClass().contains(ENTRY))
                .map(c -> ((Label) c).getText()).toList();
    }

    public long freshEntries() {
        return ready.getChildren().stream().filter(c -> c.getStyleClass().contains(ENTRY_NEW)).count()
                + timers.getChildren().stream().filter(c -> c.getStyleClass().contains(ENTRY_NEW)).count();
    }

    public TreeView<TaskTree.Node> tree() {
        return tree;
    }

    public void showTaskTree() {
        tabs.getSelectionModel().select(1);
    }
}
