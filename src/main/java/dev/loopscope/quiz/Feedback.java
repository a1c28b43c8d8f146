package dev.loopscope.quiz;

import java.util.Objects;
import java.util.Optional;

/**
 * What the learner sees right after answering.
 *
 * @param correctAnswer an option letter, or "true"/"false"
 * @param explanation from the answer key, when it has one
 */
public record Feedback(boolean correct, String correctAnswer, Optional<String> explanation) {

    public Feedback {
        Objects.requireNonNull(correctAnswer, "correctAnswer");
        Objects.requireNonNull(explanation, "explanation");
    }
}
