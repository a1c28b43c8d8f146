package dev.loopscope.ui.quiz;

import dev.loopscope.lesson.Option;
import dev.loopscope.lesson.Question;
import dev.loopscope.quiz.Score;
import dev.loopscope.ui.lesson.LessonViewSupport;
import dev.loopscope.ui.quiz.QuizViewModel.Item;
import dev.loopscope.ui.quiz.QuizViewModel.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;

/**
 * The quick check beside the lesson: options to click, immediate feedback with the explanation, the score,
 * retrying a question or the lesson, and an answer key for lecturers. A predict question hands the chosen
 * option to the lab too, which runs the program with the question's knob values ("then watch").
 */
public final class QuizPane extends VBox {

    public static final String STYLE_CLASS = "quiz-pane";
    public static final String QUESTION = "quiz-question";
    public static final String CORRECT = "quiz-correct";
    public static final String WRONG = "quiz-wrong";
    public static final String FEEDBACK = "quiz-feedback";
    public static final String SCORE = "quiz-score";
    public static final String OPTION = "quiz-option";
    public static final String OPTION_GIVEN = "quiz-option-given";
    public static final String OPTION_KEY = "quiz-option-key";
    public static final String PREDICT_TAG = "quiz-predict-tag";
    public static final String NOTICE = "quiz-notice";
    public static final String EXPLANATION = "quiz-explanation";

    private final QuizViewModel model;
    private final Label score = new Label();
    private final Label notice = new Label();
    private final VBox list = new VBox(18);
    private final ToggleButton key = new ToggleButton("Show answer key");
    private BiConsumer<Question, String> onPredict = (q, a) -> { };
    /** Questions are built only while the pane is shown: a hidden quiz costs nothing at start-up. */
    private boolean active = true;
    private boolean stale;

    public QuizPane(QuizViewModel model) {
        this.model = model;
        getStyleClass().add(STYLE_CLASS);
        setSpacing(12);
        setPadding(new Insets(12));
        score.getStyleClass().addAll(SCORE, "title-4");
        score.setId("quiz-score");
        key.setId("answer-key");
        key.setFocusTraversable(false);
        key.selectedProperty().bindBidirectional(model.answerKeyShownProperty());
        Button reset = new Button("Retry the lesson");
        reset.setId("quiz-retry-lesson");
        reset.setFocusTraversable(false);
        reset.setOnAction(e -> model.retryLesson());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        score.setWrapText(true);
        FlowPane buttons = new FlowPane(8, 6, key, reset);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, score, buttons);
        notice.setId("quiz-notice");
        notice.getStyleClass().add(NOTICE);
        notice.setWrapText(true);
        notice.setMaxWidth(Double.MAX_VALUE);
        notice.textProperty().bind(model.noticeProperty());
        notice.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        getChildren().addAll(notice, top, list);
        model.itemsProperty().addListener((javafx.beans.InvalidationListener) o -> {
            if (active) {
                rebuild();
            } else {
                stale = true;
            }
        });
        model.scoreProperty().addListener(o -> showScore());
        rebuild();
    }

    /** Whether the pane is on screen; while it is not, changes are only noted and built when it shows. */
    public void setActive(boolean on) {
        active = on;
        if (on && stale) {
            stale = false;
            rebuild();
        }
    }

    /** Called with a predict question and the chosen letter: the lab runs the program with its knob values. */
    public void setOnPredict(BiConsumer<Question, String> handler) {
        onPredict = handler;
    }

    public String scoreText() {
        return score.getText();
    }

    private void showScore() {
        Score s = model.scoreProperty().get();
        score.setText(s.total() == 0 ? "No quick check in this lesson"
                : "Score " + s.correct() + " / " + s.total()
                + (s.answered() < s.total() ? "  ·  " + s.answered() + " answered" : "  ·  all answered"));
    }

    private void rebuild() {
        showScore();
        List<Node> nodes = new ArrayList<>();
        for (Item item : model.items()) {
            nodes.add(question(item));
        }
        list.getChildren().setAll(nodes);
    }

    private VBox question(Item item) {
        Question q = item.question();
        VBox box = new VBox(6);
        box.setMinWidth(0);
        box.getStyleClass().add(QUESTION);
        box.setId("question-" + q.number());
        TextFlow prompt = LessonViewSupport.flow(q.prompt());
        Label number = new Label(q.number() + ".");
        number.getStyleClass().add("text-bold");
        number.setMinWidth(Region.USE_PREF_SIZE);
        HBox head = new HBox(6, number, prompt);
        HBox.setHgrow(prompt, Priority.ALWAYS);
        prompt.setMinWidth(0);
        box.getChildren().add(head);
        if (q.kind() == Question.Kind.PREDICT) {
            String knobs = q.prediction().map(p -> p.knobValues().isEmpty() ? "" : " with "
                    + String.join(", ", p.knobValues().entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                    .toList())).orElse("");
            Label tag = new Label("Predict, then watch: your pick runs the program" + knobs + " in the lab");
            tag.getStyleClass().add(PREDICT_TAG);
            tag.setWrapText(true);
            box.getChildren().add(tag);
        }
        // One option per line, wrapping inside the column: long options never widen the pane.
        javafx.scene.layout.Pane options = q.kind() == Question.Kind.TRUE_FALSE ? new HBox(8) : new VBox(6);
        List<String[]> choices = new ArrayList<>();
        if (q.kind() == Question.Kind.TRUE_FALSE) {
            choices.add(new String[] {"true", "True"});
            choices.add(new String[] {"false", "False"});
        } else {
            for (Option o : q.options()) {
                choices.add(new String[] {o.letter(), o.letter() + ")  " + o.text()});
            }
        }
        boolean locked = item.status() != Status.UNANSWERED;
        for (String[] c : choices) {
            Button b = new Button(c[1]);
            b.setId("q" + q.number() + "-" + c[0]);
            // Options are code: "run_in_executor" must not lose its underscore to a keyboard mnemonic.
            b.setMnemonicParsing(false);
            b.setWrapText(true);
            b.setMinWidth(0);
            b.setMinHeight(Region.USE_PREF_SIZE);
            b.setMaxWidth(q.kind() == Question.Kind.TRUE_FALSE ? Region.USE_PREF_SIZE : Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
            b.getStyleClass().add(OPTION);
            boolean given = item.given().map(g -> g.equalsIgnoreCase(c[0])).orElse(false);
            boolean correct = item.correctAnswer().map(a -> a.equalsIgnoreCase(c[0])).orElse(false);
            if (given) {
                b.getStyleClass().add(OPTION_GIVEN);
                b.getStyleClass().add(switch (item.status()) {
                    case CORRECT -> "success";
                    case WRONG -> "danger";
                    default -> "accent";
                });
                b.setText((item.status() == Status.CORRECT ? "✓ " : item.status() == Status.WRONG ? "✗ " : "") + c[1]);
            } else if (correct) {
                b.getStyleClass().addAll(OPTION_KEY, "success");
                b.setText("✓ " + c[1]);
            }
            // An answer stands until the learner asks to retry: the score means something.
            b.setDisable(locked && !given && !correct);
            b.setOnAction(e -> {
                if (item.status() != Status.UNANSWERED) {
                    return;
                }
                model.answer(q.number(), c[0]);
                if (q.kind() == Question.Kind.PREDICT) {
                    onPredict.accept(q, c[0]);
                }
            });
            options.getChildren().add(b);
        }
        box.getChildren().add(options);
        Node feedback = feedback(item);
        if (feedback != null) {
            box.getChildren().add(feedback);
        }
        if (item.explanation().isPresent() && (item.answered() || model.answerKeyShownProperty().get())
                && !q.explanation().isEmpty()) {
            TextFlow ex = LessonViewSupport.flow(q.explanation());
            ex.getStyleClass().add(EXPLANATION);
            box.getChildren().add(ex);
        }
        if (item.status() != Status.UNANSWERED && item.status() != Status.RUNNING) {
            Button retry = new Button("Try again");
            retry.setId("q" + q.number() + "-retry");
            retry.getStyleClass().addAll("flat", "small");
            retry.setFocusTraversable(false);
            retry.setOnAction(e -> model.retry(q.number()));
            box.getChildren().add(retry);
        }
        return box;
    }

    private Node feedback(Item item) {
        Question q = item.question();
        String text;
        String style;
        switch (item.status()) {
            case RUNNING -> {
                ProgressIndicator p = new ProgressIndicator();
                p.setPrefSize(16, 16);
                Label l = new Label("Running the program… watch the lab; the answer comes from its output.", p);
                l.getStyleClass().addAll(FEEDBACK, "text-muted");
                l.setWrapText(true);
                l.setId("q" + q.number() + "-feedback");
                return l;
            }
            case CORRECT -> {
                text = "✓ Right.";
                style = CORRECT;
            }
            case WRONG -> {
                text = "✗ Not quite." + item.correctAnswer().map(a -> " The answer is " + display(q, a) + ".").orElse("");
                style = WRONG;
            }
            case UNGRADABLE -> {
                text = "This question cannot be graded right now: " + item.message();
                style = WRONG;
            }
            default -> {
                if (!item.message().isEmpty()) {
                    text = "Answer key: " + item.message();
                    style = "text-muted";
                } else if (model.answerKeyShownProperty().get() && item.correctAnswer().isEmpty()
                        && q.kind() == Question.Kind.PREDICT) {
                    text = "Answer key: running the program to find the answer…";
                    style = "text-muted";
                } else {
                    return null;
                }
            }
        }
        Label l = new Label(text);
        l.getStyleClass().addAll(FEEDBACK, style);
        l.setWrapText(true);
        l.setId("q" + q.number() + "-feedback");
        return l;
    }

    private static String display(Question q, String answer) {
        return q.kind() == Question.Kind.TRUE_FALSE ? (answer.equalsIgnoreCase("true") ? "True" : "False")
                : answer + ")" + q.option(answer).map(o -> " " + o.text()).orElse("");
    }
}
