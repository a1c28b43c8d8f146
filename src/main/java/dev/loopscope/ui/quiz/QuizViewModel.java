package dev.loopscope.ui.quiz;

import dev.loopscope.lesson.Lesson;
import dev.loopscope.lesson.Question;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * A lesson's quick check: the learner's answers, whether each is right, the score, saved progress and the
 * lecturer's answer key. Predict questions are judged against the program's real output, resolved elsewhere
 * and handed in with {@link #resolvePredict}.
 */
public final class QuizViewModel {

    /** What the learner answered and whether it was right (null: not yet known, a predict still running). */
    public record Answer(String given, Boolean correct) {}

    private final ProgressStore store;
    private final ReadOnlyIntegerWrapper score = new ReadOnlyIntegerWrapper(this, "score");
    private final ReadOnlyIntegerWrapper answered = new ReadOnlyIntegerWrapper(this, "answered");
    private final BooleanProperty answerKeyShown = new SimpleBooleanProperty(this, "answerKeyShown");
    private final Map<Integer, Answer> answers = new LinkedHashMap<>();
    private final Map<Integer, String> predictAnswers = new HashMap<>();
    private Lesson lesson;
    private Runnable onChange = () -> { };

    public QuizViewModel(ProgressStore store) {
        this.store = store;
    }

    public void setOnChange(Runnable r) {
        onChange = r;
    }

    public void load(Lesson l) {
        lesson = l;
        answers.clear();
        predictAnswers.clear();
        if (l != null) {
            store.load(key()).forEach((q, a) -> l.question(q).ifPresent(question -> {
                if (question.kind() != Question.Kind.PREDICT) {
                    answers.put(q, new Answer(a, judge(question, a)));
                } else if (a.contains(":")) {
                    String[] parts = a.split(":", 2);
                    predictAnswers.put(q, parts[1]);
                    answers.put(q, new Answer(parts[0], parts[0].equals(parts[1])));
                }
            }));
        }
        recount();
    }

    private String key() {
        return "lesson-" + lesson.number();
    }

    public List<Question> questions() {
        return lesson == null ? List.of() : lesson.questions();
    }

    public Optional<Answer> answer(int question) {
        return Optional.ofNullable(answers.get(question));
    }

    public ReadOnlyIntegerProperty scoreProperty() {
        return score.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty answeredProperty() {
        return answered.getReadOnlyProperty();
    }

    public BooleanProperty answerKeyShownProperty() {
        return answerKeyShown;
    }

    /** Answers a choice or true/false question ("b", "true", "false"); returns whether it was right. */
    public boolean answer(Question q, String given) {
        boolean right = judge(q, given);
        answers.put(q.number(), new Answer(given, right));
        save();
        recount();
        return right;
    }

    /** Records a predict answer whose correctness is not known until the program has run. */
    public void predict(Question q, String given) {
        answers.put(q.number(), new Answer(given, null));
        recount();
    }

    /** The program ran: {@code correctLetter} is the option matching its output (null: none did). */
    public void resolvePredict(Question q, String correctLetter) {
        Answer a = answers.get(q.number());
        if (a == null) {
            return;
        }
        predictAnswers.put(q.number(), correctLetter);
        answers.put(q.number(), new Answer(a.given(), a.given().equals(correctLetter)));
        save();
        recount();
    }

    /** The correct answer as the key shows it, if known. */
    public Optional<String> correctAnswer(Question q) {
        if (q.kind() == Question.Kind.PREDICT) {
            return Optional.ofNullable(predictAnswers.get(q.number()));
        }
        return q.answer();
    }

    public void reset() {
        answers.clear();
        save();
        recount();
    }

    private static boolean judge(Question q, String given) {
        return q.answer().map(a -> a.equalsIgnoreCase(given)).orElse(false);
    }

    private void save() {
        if (lesson == null) {
            return;
        }
        Map<Integer, String> out = new HashMap<>();
        answers.forEach((q, a) -> {
            if (predictAnswers.containsKey(q)) {
                out.put(q, a.given() + ":" + predictAnswers.get(q));
            } else if (a.correct() != null) {
                out.put(q, a.given());
            }
        });
        store.save(key(), out);
    }

    private void recount() {
        score.set((int) answers.values().stream().filter(a -> Boolean.TRUE.equals(a.correct())).count());
        answered.set((int) answers.values().stream().filter(a -> a.correct() != null).count());
        onChange.run();
    }
}
