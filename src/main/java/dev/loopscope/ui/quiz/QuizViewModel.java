package dev.loopscope.ui.quiz;

import dev.loopscope.lesson.Course;
import dev.loopscope.lesson.Lesson;
import dev.loopscope.lesson.Predictions;
import dev.loopscope.lesson.ProgramOutputs;
import dev.loopscope.lesson.Question;
import dev.loopscope.quiz.Feedback;
import dev.loopscope.quiz.ProgressStore;
import dev.loopscope.quiz.QuizEngine;
import dev.loopscope.quiz.Score;
import dev.loopscope.quiz.UngradableException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;

/**
 * A lesson's quick check on top of {@link QuizEngine}: what each question shows (the answer given, right or
 * wrong, the correct answer and the explanation), the lesson's score, retrying, and the lecturer's answer key.
 * Predict questions are graded by running the lesson's code, off the UI thread; the question shows
 * {@link Status#RUNNING} until the program's output is known.
 */
public final class QuizViewModel {

    public enum Status { UNANSWERED, RUNNING, CORRECT, WRONG, UNGRADABLE }

    /**
     * What one question shows.
     *
     * @param given the answer given ("b", "true"), if any
     * @param correctAnswer once known: after answering, or from the answer key
     * @param message why a predict question could not be graded, or ""
     */
    public record Item(Question question, Optional<String> given, Status status, Optional<String> correctAnswer,
                       Optional<String> explanation, String message) {

        public boolean answered() {
            return status == Status.CORRECT || status == Status.WRONG;
        }
    }

    private final ProgressStore store;
    private final ProgramOutputs outputs;
    private final Executor background;
    private final Executor ui;
    private final ReadOnlyListWrapper<Item> items = new ReadOnlyListWrapper<>(this, "items", FXCollections.observableArrayList());
    private final ReadOnlyObjectWrapper<Score> score = new ReadOnlyObjectWrapper<>(this, "score", new Score(0, 0, 0));
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final BooleanProperty answerKeyShown = new SimpleBooleanProperty(this, "answerKeyShown");
    /** Correct answers of predict questions worked out for the answer key, by question number. */
    private final Map<Integer, String> keyAnswers = new HashMap<>();
    private final Map<Integer, String> keyProblems = new HashMap<>();
    private final Map<Integer, Item> pending = new HashMap<>();
    private QuizEngine engine;
    private Lesson lesson;
    private int generation;

    /**
     * @param outputs runs lesson code for predict questions (slow: called on {@code background})
     * @param ui where results are published (the FX thread in the app, a direct executor in unit tests)
     */
    public QuizViewModel(ProgressStore store, ProgramOutputs outputs, Executor background, Executor ui) {
        this.store = store;
        this.outputs = outputs;
        this.background = background;
        this.ui = ui;
        answerKeyShown.addListener((o, a, b) -> {
            if (b) {
                resolveKey();
            }
            refresh();
        });
    }

    /** The course whose lessons are graded; loads the user's progress (and says when it had to be set aside). */
    public void setCourse(Course course) {
        engine = new QuizEngine(course, store, outputs);
        notice.set(engine.notice().orElse(""));
        if (lesson != null) {
            load(course.lesson(lesson.number()).orElse(null));
        }
    }

    /** Shows a lesson's questions with the answers saved earlier. */
    public void load(Lesson l) {
        lesson = l;
        generation++;
        keyAnswers.clear();
        keyProblems.clear();
        pending.clear();
        if (answerKeyShown.get()) {
            resolveKey();
        }
        refresh();
    }

    public Optional<Lesson> lesson() {
        return Optional.ofNullable(lesson);
    }

    public ReadOnlyListProperty<Item> itemsProperty() {
        return items.getReadOnlyProperty();
    }

    public List<Item> items() {
        return List.copyOf(items);
    }

    public Optional<Item> item(int question) {
        return items.stream().filter(i -> i.question().number() == question).findFirst();
    }

    public ReadOnlyObjectProperty<Score> scoreProperty() {
        return score.getReadOnlyProperty();
    }

    /** The score of any lesson of the course (for the navigator). */
    public Score score(String lessonNumber) {
        try {
            return engine == null ? new Score(0, 0, 0) : engine.score(lessonNumber);
        } catch (IllegalArgumentException e) {
            return new Score(0, 0, 0);
        }
    }

    /** A message for the user about their saved progress (set aside as corrupt, or not saved), or "". */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public void dismissNotice() {
        notice.set("");
    }

    public BooleanProperty answerKeyShownProperty() {
        return answerKeyShown;
    }

    /**
     * Answers a question: choice and true/false ones are graded at once; a predict question is graded when its
     * program has run (the status is {@link Status#RUNNING} until then).
     */
    public void answer(int question, String given) {
        if (engine == null || lesson == null) {
            return;
        }
        Question q = lesson.question(question).orElseThrow(() -> new IllegalArgumentException("no question " + question));
        if (q.kind() != Question.Kind.PREDICT) {
            engine.answer(lesson.number(), question, given);
            afterSave();
            refresh();
            return;
        }
        int gen = generation;
        String lessonNumber = lesson.number();
        pending.put(question, new Item(q, Optional.of(given.toLowerCase(java.util.Locale.ROOT)), Status.RUNNING,
                Optional.empty(), Optional.empty(), ""));
        refresh();
        background.execute(() -> {
            String problem = null;
            try {
                engine.answer(lessonNumber, question, given);
            } catch (UngradableException e) {
                problem = e.getMessage();
            } catch (RuntimeException e) {
                problem = "the program could not be run: " + e.getMessage();
            }
            String why = problem;
            ui.execute(() -> {
                if (gen != generation) {
                    return;
                }
                Item was = pending.remove(question);
                if (why != null && was != null) {
                    pending.put(question, new Item(q, was.given(), Status.UNGRADABLE, Optional.empty(),
                            q.explanationText(), why));
                }
                afterSave();
                refresh();
            });
        });
    }

    /** Forgets the answer to one question so it can be tried again. */
    public void retry(int question) {
        if (engine == null || lesson == null) {
            return;
        }
        pending.remove(question);
        engine.reset(lesson.number(), question);
        afterSave();
        refresh();
    }

    /** Forgets every answer of the lesson. */
    public void retryLesson() {
        if (engine == null || lesson == null) {
            return;
        }
        pending.clear();
        engine.reset(lesson.number());
        afterSave();
        refresh();
    }

    private void afterSave() {
        engine.notice().ifPresent(notice::set);
    }

    /** Works out the predict questions' answers for the key, in the background. */
    private void resolveKey() {
        if (lesson == null) {
            return;
        }
        Lesson l = lesson;
        int gen = generation;
        for (Question q : l.questions()) {
            if (q.kind() != Question.Kind.PREDICT || keyAnswers.containsKey(q.number()) || keyProblems.containsKey(q.number())) {
                continue;
            }
            background.execute(() -> {
                Predictions.Resolution r = Predictions.resolve(l, q, outputs);
                ui.execute(() -> {
                    if (gen != generation) {
                        return;
                    }
                    switch (r) {
                        case Predictions.Resolution.Resolved res -> keyAnswers.put(q.number(), res.letter());
                        case Predictions.Resolution.Unresolved u -> keyProblems.put(q.number(), u.reason());
                    }
                    refresh();
                });
            });
        }
    }

    private void refresh() {
        List<Item> out = new ArrayList<>();
        if (lesson != null && engine != null) {
            for (Question q : lesson.questions()) {
                out.add(itemFor(q));
            }
            score.set(engine.score(lesson.number()));
        } else {
            score.set(new Score(0, 0, 0));
        }
        items.setAll(out);
    }

    private Item itemFor(Question q) {
        Item p = pending.get(q.number());
        if (p != null) {
            return p;
        }
        Optional<Feedback> fb = engine.recorded(lesson.number(), q.number());
        if (fb.isPresent()) {
            Feedback f = fb.get();
            return new Item(q, engine.recordedAnswer(lesson.number(), q.number()), f.correct() ? Status.CORRECT : Status.WRONG,
                    Optional.of(f.correctAnswer()), f.explanation(), "");
        }
        Optional<String> key = Optional.empty();
        String message = "";
        if (answerKeyShown.get()) {
            key = q.kind() == Question.Kind.PREDICT ? Optional.ofNullable(keyAnswers.get(q.number())) : q.answer();
            message = keyProblems.getOrDefault(q.number(), "");
        }
        return new Item(q, Optional.empty(), Status.UNANSWERED, key,
                answerKeyShown.get() ? q.explanationText() : Optional.empty(), message);
    }
}
