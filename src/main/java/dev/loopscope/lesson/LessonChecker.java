package dev.loopscope.lesson;

import java.util.ArrayList;
import java.util.List;

/** The checks that need the program's output: every predict question must match exactly one option. */
public final class LessonChecker {

    private LessonChecker() {}

    public static List<Problem> checkPredictions(Course course, ProgramOutputs outputs) {
        List<Problem> problems = new ArrayList<>();
        for (Lesson lesson : course.lessons()) {
            for (Question question : lesson.questions()) {
                if (question.kind() != Question.Kind.PREDICT) {
                    continue;
                }
                if (Predictions.resolve(lesson, question, outputs) instanceof Predictions.Resolution.Unresolved u) {
                    problems.add(new Problem(lesson.source(), question.line(),
                            "predict question " + question.number() + ": " + u.reason()));
                }
            }
        }
        return problems;
    }
}
