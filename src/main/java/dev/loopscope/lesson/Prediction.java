package dev.loopscope.lesson;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a "predict, then watch" question is checked: which part of the animated program's output the options
 * are compared with, and which knob values the program runs with.
 *
 * @param knobValues knob id to literal; knobs not named keep the literal written in the code
 */
public record Prediction(Output output, Map<String, String> knobValues) {

    public Prediction {
        knobValues = Map.copyOf(knobValues);
    }

    /** The part of the program's standard output a question asks about. */
    public sealed interface Output permits WholeOutput, OutputLine {

        /** That part of {@code stdout}, or empty when the output has no such line. */
        Optional<String> select(String stdout);

        /** How directives write it: {@code all}, {@code first}, {@code last} or a line number. */
        String id();
    }

    public record WholeOutput() implements Output {
        @Override
        public Optional<String> select(String stdout) {
            return Optional.of(stdout);
        }

        @Override
        public String id() {
            return "all";
        }
    }

    /** @param number 1-based line of the output; negative counts from the end (-1 is the last line) */
    public record OutputLine(int number) implements Output {
        @Override
        public Optional<String> select(String stdout) {
            List<String> lines = stdout.lines().toList();
            int index = number > 0 ? number - 1 : lines.size() + number;
            return index >= 0 && index < lines.size() && number != 0 ? Optional.of(lines.get(index)) : Optional.empty();
        }

        @Override
        public String id() {
            return number == 1 ? "first" : number == -1 ? "last" : Integer.toString(number);
        }
    }

    /** Whether an option's text names this output: compared with whitespace collapsed, so line breaks match spaces. */
    public static boolean matches(String optionText, String output) {
        return Inline.collapse(optionText).equals(Inline.collapse(output));
    }
}
