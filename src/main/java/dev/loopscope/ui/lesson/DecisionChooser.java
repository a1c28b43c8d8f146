package dev.loopscope.ui.lesson;

import dev.loopscope.lesson.DecisionTree;
import dev.loopscope.lesson.ListBlock;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * The lesson's decision tree and checklist as questions to click through: each answer narrows the choice
 * until a model is recommended, with a button that opens its animation.
 */
public final class DecisionChooser extends VBox {

    public static final String STYLE_CLASS = "decision-chooser";
    public static final String EXAMPLE = "decision-example";

    /** One question of the walk, and where each answer leads: another step or a model. */
    record Step(String question, String yes, String no) {}

    private static final List<Step> STEPS = List.of(
            new Step("Is the work mostly waiting for I/O (network, disk, timers)?", "io", "cpu"),
            new Step("Does it need more than one CPU core?", "processes", "threads-or-async"),
            new Step("Thousands of concurrent waits (or millions)?", "asyncio", "threads"));

    private final Label prompt = new Label();
    private final FlowPane answers = new FlowPane(8, 8);
    private final Label result = new Label();
    private final Consumer<String> onChoose;
    private String recommendation;

    public DecisionChooser(DecisionTree tree, List<ListBlock> checklists, Consumer<String> onChoose) {
        this.onChoose = onChoose;
        getStyleClass().add(STYLE_CLASS);
        setSpacing(8);
        setPadding(new Insets(10));
        setMinWidth(0);
        Label title = new Label(tree.title().orElse("Decision tree").replaceFirst(":$", "")
                + ": pick an example, or answer the checklist");
        title.getStyleClass().add("title-4");
        title.setWrapText(true);
        VBox examples = new VBox(4);
        for (DecisionTree.Branch b : tree.branches()) {
            Button example = new Button(String.join(" → ", b.nodes()));
            example.getStyleClass().addAll("flat", EXAMPLE);
            // Long examples wrap inside the lesson's column instead of widening it.
            example.setWrapText(true);
            example.setMnemonicParsing(false);
            example.setMinWidth(0);
            example.setMaxWidth(Double.MAX_VALUE);
            example.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            String last = b.nodes().getLast().toLowerCase(Locale.ROOT);
            example.setOnAction(e -> recommend(modelOf(last), String.join(" → ", b.nodes())));
            examples.getChildren().add(example);
        }
        prompt.setWrapText(true);
        prompt.getStyleClass().add("text-bold");
        result.setWrapText(true);
        result.getStyleClass().add("title-4");
        Button restart = new Button("Start over");
        restart.getStyleClass().add("flat");
        restart.setOnAction(e -> ask(0));
        Label checklist = new Label("Or answer the checklist:");
        checklist.setWrapText(true);
        getChildren().addAll(title, examples, checklist, prompt, answers, result, restart);
        ask(0);
    }

    static String modelOf(String choice) {
        if (choice.contains("process")) {
            return "processes";
        }
        if (choice.contains("thread")) {
            return "threads";
        }
        return "asyncio";
    }

    private void ask(int step) {
        Step s = STEPS.get(step);
        prompt.setText((step + 1) + ". " + s.question());
        Button yes = new Button("Yes");
        Button no = new Button("No");
        yes.setId("decision-yes");
        no.setId("decision-no");
        yes.setOnAction(e -> follow(step, s.yes()));
        no.setOnAction(e -> follow(step, s.no()));
        answers.getChildren().setAll(yes, no);
        result.setText("");
    }

    private void follow(int step, String next) {
        switch (next) {
            case "io" -> ask(2);
            case "cpu" -> ask(1);
            case "threads-or-async" -> recommend("threads", "CPU-bound on one core: a thread keeps the UI responsive");
            default -> recommend(next, "");
        }
    }

    private void recommend(String model, String why) {
        recommendation = model;
        String text = switch (model) {
            case "processes" -> "Use a process pool: each process has its own GIL and runs on its own core.";
            case "threads" -> "Use threads: simple for a little I/O next to other code.";
            default -> "Use asyncio: one thread, thousands of cheap coroutines waiting at once.";
        };
        result.setText("Recommended: " + model + ". " + text + (why.isEmpty() ? "" : " (" + why + ")"));
        result.setId("decision-result");
        Button open = new Button("Show " + model + " in the models lab");
        open.setMnemonicParsing(false);
        open.setId("decision-open");
        open.setDefaultButton(true);
        open.setOnAction(e -> onChoose.accept(model));
        answers.getChildren().setAll(open);
    }

    public String recommendation() {
        return recommendation;
    }
}
