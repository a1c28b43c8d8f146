package dev.loopscope.lesson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Works out the correct option of a predict question by running the lesson's animated code. */
public final class Predictions {

    private Predictions() {}

    public sealed interface Resolution {
        /** Exactly one option matches the output. */
        record Resolved(String letter, String output) implements Resolution {}

        /** No option, several options or no output: {@code reason} says which, for authors. */
        record Unresolved(String reason) implements Resolution {}
    }

    /** Runs the lesson's animated code with the question's knob values and matches the output to the options. */
    public static Resolution resolve(Lesson lesson, Question question, ProgramOutputs outputs) {
        if (question.prediction().isEmpty()) {
            return new Resolution.Unresolved("question " + question.number() + " is not a predict question");
        }
        Prediction prediction = question.prediction().get();
        var block = lesson.animated();
        if (block.isEmpty()) {
            return new Resolution.Unresolved("lesson " + lesson.number() + " has no animated code block");
        }
        Map<String, String> values = new LinkedHashMap<>(block.get().animation().orElseThrow().defaults());
        values.putAll(prediction.knobValues());
        String code;
        try {
            code = block.get().codeWith(values);
        } catch (IllegalArgumentException e) {
            return new Resolution.Unresolved(e.getMessage());
        }
        return switch (outputs.run(code, Map.copyOf(values))) {
            case ProgramOutputs.Result.Failed failed ->
                    new Resolution.Unresolved("the program failed: " + failed.message());
            case ProgramOutputs.Result.Printed printed -> match(question, prediction, printed.stdout());
        };
    }

    private static Resolution match(Question question, Prediction prediction, String stdout) {
        var selected = prediction.output().select(stdout);
        if (selected.isEmpty()) {
            return new Resolution.Unresolved("the program prints " + lineCount(stdout) + ", so it has no output line "
                    + prediction.output().id());
        }
        String output = selected.get();
        List<Option> matching = question.options().stream().filter(o -> Prediction.matches(o.text(), output)).toList();
        String shown = "'" + Inline.collapse(output) + "'";
        return switch (matching.size()) {
            case 1 -> new Resolution.Resolved(matching.getFirst().letter(), output);
            case 0 -> new Resolution.Unresolved("the program prints " + shown + ", which matches no option");
            default -> new Resolution.Unresolved("the program prints " + shown + ", which matches options "
                    + String.join(" and ", matching.stream().map(Option::letter).toList()));
        };
    }

    private static String lineCount(String stdout) {
        long lines = stdout.lines().count();
        return lines == 1 ? "1 line" : lines + " lines";
    }
}
