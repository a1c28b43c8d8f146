package dev.loopscope.lesson;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One question of a lesson's quick check.
 *
 * @param number the number written in the file
 * @param line the file line of the question
 * @param prompt the question without its options or "True / False" marker
 * @param options in file order; empty for true/false questions
 * @param answer the correct option letter, or "true"/"false"; empty for predict questions, whose answer comes
 *     from running the code (see {@link ProgramOutputs})
 * @param explanation from the answer key, empty when there is none
 * @param prediction present exactly for predict questions
 * @param body blocks inside the question after its prompt and options, such as a code snippet
 */
public record Question(int number, int line, Kind kind, List<Inline> prompt, List<Option> options,
        Optional<String> answer, List<Inline> explanation, Optional<Prediction> prediction, List<Block> body) {

    public Question {
        Objects.requireNonNull(kind, "kind");
        prompt = List.copyOf(prompt);
        options = List.copyOf(options);
        explanation = List.copyOf(explanation);
        body = List.copyOf(body);
    }

    public enum Kind {
        CHOICE("choice"),
        TRUE_FALSE("true_false"),
        PREDICT("predict");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        /** The name used in JSON. */
        public String id() {
            return id;
        }
    }

    public String promptText() {
        return Inline.plainText(prompt);
    }

    public Optional<String> explanationText() {
        String text = Inline.plainText(explanation);
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    public Optional<Option> option(String letter) {
        return options.stream().filter(o -> o.letter().equals(letter)).findFirst();
    }
}
