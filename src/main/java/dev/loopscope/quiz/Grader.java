package dev.loopscope.quiz;

import dev.loopscope.lesson.Lesson;
import dev.loopscope.lesson.Predictions;
import dev.loopscope.lesson.ProgramOutputs;
import dev.loopscope.lesson.Question;
import java.util.Locale;

/** Grades one answer. Pure apart from running the program for predict questions. */
public final class Grader {

    private Grader() {}

    /**
     * @param answer an option letter for choice and predict questions, "true" or "false" for true/false ones
     *     (case and surrounding spaces do not matter)
     * @throws IllegalArgumentException when the answer is not one the question offers
     * @throws UngradableException when a predict question's program cannot be run or matches no single option
     */
    public static Feedback grade(Lesson lesson, Question question, String answer, ProgramOutputs outputs) {
        String given = normalize(question, answer);
        String correct = correctAnswer(lesson, question, outputs);
        return new Feedback(given.equals(correct), correct, question.explanationText());
    }

    /** The answer as stored and compared, or an exception saying why the question does not offer it. */
    static String normalize(Question question, String answer) {
        String given = answer == null ? "" : answer.strip().toLowerCase(Locale.ROOT);
        boolean offered = switch (question.kind()) {
            case TRUE_FALSE -> given.equals("true") || given.equals("false");
            case CHOICE, PREDICT -> question.option(given).isPresent();
        };
        if (!offered) {
            throw new IllegalArgumentException("question " + question.number() + " does not offer the answer '"
                    + answer + "'");
        }
        return given;
    }

    static String correctAnswer(Lesson lesson, Question question, ProgramOutputs outputs) {
        if (question.kind() != Question.Kind.PREDICT) {
            return question.answer().orElseThrow(() -> new UngradableException(
                    "question " + question.number() + " has no answer"));
        }
        return switch (Predictions.resolve(lesson, question, outputs)) {
            case Predictions.Resolution.Resolved r -> r.letter();
            case Predictions.Resolution.Unresolved u -> throw new UngradableException(
                    "predict question " + question.number() + " of lesson " + lesson.number() + ": " + u.reason());
        };
    }
}
