package dev.loopscope.ui.quiz;

import dev.loopscope.lesson.Option;
import dev.loopscope.lesson.Question;
import dev.loopscope.ui.lesson.LessonViewSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The quick check beside the lesson: options to click, immediate feedback and explanation, the score, and an
 * answer key for lecturers. Predict questions hand the chosen option to the lab, which runs the program ("then
 * watch") and reports the real answer back.
 */
public final class QuizPane extends VBox {

    public static final String STYLE_CLASS = "quiz-pane";
    public static final String CORRECT = "quiz-correct";
    public static final String WRONG = "quiz-wrong";
    public static final String FEEDBACK = "quiz-feedback";
    public static final String SCORE = "quiz-score";

    private final QuizViewModel model;
    private final Label score = new Label();
    private final VBox list = new VBox(14);
    private final ToggleButton key = new ToggleButton("Show answer key");
    private BiConsumer<Question, String> onPredict = (q, a) -> { };

    public QuizPane(QuizViewModel model) {
        this.model = model;
        getStyleClass().add(STYLE_CLASS);
        setSpacing(10);
        setPadding(new Insets(12));
        score.getStyleClass().addAll(SCORE, "title-4");
        score.setId("quiz-score");
        key.setId("answer-key");
        key.selectedProperty().bindBidirectional(model.answerKeyShownProperty());
        Button reset = new Button("Start again");
        reset.setOnAction(e -> model.reset());
        HBox top = new HBox(10, score, key, reset);
        getChildren().addAll(top, list);
        model.setOnChange(this::rebuild);
        model.answerKeyShownProperty().addListener(o -> rebuild());
        rebuild();
    }

    /** Called with a predict question and the chosen letter: run the program, then report back. */
    public void setOnPredict(BiConsumer<Question, String> handler) {
        onPredict = handler;
    }

    public String scoreText() {
        return score.getText();
    }

    private void rebuild() {
        List<Question> qs = model.questions();
        score.setText(qs.isEmpty() ? "No quick check in this lesson"
                : "Score: " + model.scoreProperty().get() + " / " + qs.size()
                + (model.answeredProperty().get() < qs.size() ? "  (" + model.answeredProperty().get() + " answered)" : ""));
        List<javafx.scene.Node> nodes = new ArrayList<>();
        for (Question q : qs) {
            nodes.add(question(q));
        }
        list.getChildren().setAll(nodes);
    }

    private VBox question(Question q) {
        VBox box = new VBox(6);
        box.setId("question-" + q.number());
        var prompt = LessonViewSupport.flow(q.prompt());
        Label number = new Label(q.number() + ".");
        number.getStyleClass().add("text-bold");
        HBox head = new HBox(6, number, prompt);
        box.getChildren().add(head);
        FlowPane options = new FlowPane(8, 6);
        var answer = model.answer(q.number());
        List<String[]> choices = new ArrayList<>();
        if (q.kind() == Question.Kind.TRUE_FALSE) {
            choices.add(new String[] {"true", "True"});
            choices.add(new String[] {"false", "False"});
        } else {
            for (Option o : q.options()) {
                choices.add(new String[] {o.letter(), o.letter() + ")  " + o.text()});
            }
        }
        String correct = model.correctAnswer(q).orElse(null);
        for (String[] c : choices) {
            Button b = new Button(c[1]);
            b.setId("q" + q.number() + "-" + c[0]);
            b.setWrapText(true);
            boolean given = answer.map(a -> a.given().equalsIgnoreCase(c[0])).orElse(false);
            if (given) {
                Boolean right = answer.get().correct();
                b.getStyleClass().add(right == null ? "accent" : right ? "success" : "danger");
            }
            if (model.answerKeyShownProperty().get() && c[0].equalsIgnoreCase(correct)) {
                b.getStyleClass().add("success");
                b.setText("✓ " + c[1]);
            }
            b.setOnAction(e -> {
                if (q.kind() == Question.Kind.PREDICT) {
                    model.predict(q, c[0]);
                    onPredict.accept(q, c[0]);
                } else {
                    model.answer(q, c[0]);
                }
            });
            options.getChildren().add(b);
        }
        box.getChildren().add(options);
        if (answer.isPresent()) {
            Boolean right = answer.get().correct();
            Label feedback = new Label(right == null ? "Running the program… watch the lab."
                    : right ? "✓ Right." : "✗ Not quite." + (correct != null ? " The answer is " + display(q, correct) + "." : ""));
            feedback.getStyleClass().addAll(FEEDBACK, right == null ? "text-muted" : right ? CORRECT : WRONG);
            feedback.setWrapText(true);
            box.getChildren().add(feedback);
        }
        if ((answer.isPresent() && answer.get().correct() != null) || model.answerKeyShownProperty().get()) {
            q.explanationText().ifPresent(text -> {
                Label ex = new Label(text);
                ex.setWrapText(true);
                ex.getStyleClass().add("text-muted");
                box.getChildren().add(ex);
            });
            if (model.answerKeyShownProperty().get() && correct == null && q.kind() == Question.Kind.PREDICT) {
                Label ex = new Label("Answer comes from running the program: pick an option to run it.");
                ex.getStyleClass().add("text-muted");
                box.getChildren().add(ex);
            }
        }
        return box;
    }

    private static String display(Question q, String answer) {
        return q.kind() == Question.Kind.TRUE_FALSE ? (answer.equalsIgnoreCase("true") ? "True" : "False")
                : answer + ")" + q.option(answer).map(o -> " " + o.text()).orElse("");
    }
}
