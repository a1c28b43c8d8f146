package dev.loopscope.quiz;

import dev.loopscope.lesson.Course;
import dev.loopscope.lesson.Lesson;
import dev.loopscope.lesson.ProgramOutputs;
import dev.loopscope.lesson.Question;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs the quizzes of a course for one user: grades answers with immediate feedback, keeps scores, lets a lesson
 * or a question be retried, and saves progress after every change.
 *
 * <p>Methods are synchronized: the UI may grade predict questions off its own thread while the program runs.
 */
public final class QuizEngine {

    private final Course course;
    private final ProgressStore store;
    private final ProgramOutputs outputs;
    /** Predict answers come from running code, which may be slow; the course does not change, so cache them. */
    private final Map<String, String> resolved = new HashMap<>();
    private Progress progress;
    private Optional<String> notice;

    /** Loads the user's progress from the store; a notice tells when the file had to be set aside. */
    public QuizEngine(Course course, ProgressStore store, ProgramOutputs outputs) {
        this.course = Objects.requireNonNull(course, "course");
        this.store = Objects.requireNonNull(store, "store");
        this.outputs = Objects.requireNonNull(outputs, "outputs");
        ProgressStore.Loaded loaded = store.load();
        this.progress = loaded.progress();
        this.notice = loaded.notice();
    }

    /** A message for the user: progress set aside when loading, or the last save that failed. */
    public synchronized Optional<String> notice() {
        return notice;
    }

    public synchronized Progress progress() {
        return progress;
    }

    /**
     * Grades an answer, records it and saves. A failed save does not lose the answer for this session; it sets
     * {@link #notice()}.
     *
     * @throws IllegalArgumentException for an unknown lesson or question, or an answer the question does not offer
     * @throws UngradableException when a predict question cannot be graded now
     */
    public synchronized Feedback answer(String lessonNumber, int questionNumber, String answer) {
        Lesson lesson = lesson(lessonNumber);
        Question question = question(lesson, questionNumber);
        String given = Grader.normalize(question, answer);
        String correct = correctAnswer(lesson, question);
        Feedback feedback = new Feedback(given.equals(correct), correct, question.explanationText());
        Optional<String> keep = question.kind() == Question.Kind.PREDICT ? Optional.of(correct) : Optional.empty();
        update(progress.with(Progress.key(lesson, question), new Progress.Entry(given, feedback.correct(), keep)));
        return feedback;
    }

    /**
     * The feedback for the answer recorded earlier, if the question has one. It agrees with {@link #score}: choice
     * and true/false answers are graded against today's key. For a predict question it shows the answer saved
     * with the entry, so the program does not run again.
     */
    public synchronized Optional<Feedback> recorded(String lessonNumber, int questionNumber) {
        Lesson lesson = lesson(lessonNumber);
        Question question = question(lesson, questionNumber);
        return validEntry(lesson, question).map(entry -> new Feedback(isCorrect(question, entry),
                recordedCorrectAnswer(lesson, question, entry), question.explanationText()));
    }

    /** The answer given earlier, if any. */
    public synchronized Optional<String> recordedAnswer(String lessonNumber, int questionNumber) {
        Lesson lesson = lesson(lessonNumber);
        return validEntry(lesson, question(lesson, questionNumber)).map(Progress.Entry::answer);
    }

    public synchronized Score score(String lessonNumber) {
        Lesson lesson = lesson(lessonNumber);
        int answered = 0;
        int correct = 0;
        for (Question question : lesson.questions()) {
            Optional<Progress.Entry> entry = validEntry(lesson, question);
            if (entry.isPresent()) {
                answered++;
                correct += isCorrect(question, entry.get()) ? 1 : 0;
            }
        }
        return new Score(answered, correct, lesson.questions().size());
    }

    /** Forgets every answer of the lesson, to retry it. */
    public synchronized void reset(String lessonNumber) {
        update(progress.withoutLesson(lesson(lessonNumber).number()));
    }

    /** Forgets the answer to one question, to retry it. */
    public synchronized void reset(String lessonNumber, int questionNumber) {
        Lesson lesson = lesson(lessonNumber);
        update(progress.without(Progress.key(lesson, question(lesson, questionNumber))));
    }

    private void update(Progress next) {
        progress = next;
        try {
            store.save(next);
        } catch (IOException | RuntimeException e) {
            notice = Optional.of("Your quiz progress could not be saved to " + store.file() + " (" + e.getMessage()
                    + "); answers are kept until Loopscope closes.");
        }
    }

    /** An entry counts only if it still fits the question: same key (prompt unchanged) and an answer it offers. */
    private Optional<Progress.Entry> validEntry(Lesson lesson, Question question) {
        return progress.entry(Progress.key(lesson, question)).filter(entry -> {
            try {
                Grader.normalize(question, entry.answer());
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        });
    }

    /** Choice and true/false answers are re-graded against today's key; predict answers keep their recorded grade. */
    private boolean isCorrect(Question question, Progress.Entry entry) {
        return question.kind() == Question.Kind.PREDICT
                ? entry.correct()
                : question.answer().map(entry.answer()::equals).orElse(false);
    }

    private String recordedCorrectAnswer(Lesson lesson, Question question, Progress.Entry entry) {
        if (question.kind() != Question.Kind.PREDICT) {
            return question.answer().orElseThrow();
        }
        String key = Progress.key(lesson, question);
        if (resolved.containsKey(key)) {
            return resolved.get(key);
        }
        if (entry.correct()) {
            return entry.answer();
        }
        // Entries saved before the correct answer was kept with them: run the program once.
        return entry.correctAnswer().orElseGet(() -> correctAnswer(lesson, question));
    }

    private String correctAnswer(Lesson lesson, Question question) {
        if (question.kind() != Question.Kind.PREDICT) {
            return Grader.correctAnswer(lesson, question, outputs);
        }
        String key = Progress.key(lesson, question);
        String cached = resolved.get(key);
        if (cached == null) {
            cached = Grader.correctAnswer(lesson, question, outputs);
            resolved.put(key, cached);
        }
        return cached;
    }

    private Lesson lesson(String number) {
        return course.lesson(number).orElseThrow(() -> new IllegalArgumentException("no lesson " + number));
    }

    private static Question question(Lesson lesson, int number) {
        return lesson.question(number).orElseThrow(() -> new IllegalArgumentException(
                "lesson " + lesson.number() + " has no question " + number));
    }
}
