package dev.loopscope.lesson;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turns checked directives into model objects: the lab view of {@code animate}, knobs and predictions. */
final class DirectiveReader {

    private static final Pattern ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
    private static final Pattern OUTPUT_LINE = Pattern.compile("-?[1-9][0-9]{0,8}");

    private final Directive.Reporter report;

    DirectiveReader(Directive.Reporter report) {
        this.report = report;
    }

    Optional<LabView> view(Directive animate) {
        return view(animate.attributes().get("view"), animate.line());
    }

    Optional<LabView> view(String view, int line) {
        if (view == null) {
            report.problem(line, "'animate' needs view=tasks, view=blocking or view=models");
            return Optional.empty();
        }
        Optional<LabView> found = LabView.fromId(view);
        if (found.isEmpty()) {
            report.problem(line, "unknown lab view '" + view + "' (expected tasks, blocking or models)");
        }
        return found;
    }

    Optional<Knob> knob(Directive d) {
        Map<String, String> a = d.attributes();
        int line = d.line();
        if (d.words().isEmpty()) {
            report.problem(line, "'knob' needs a kind: toggle, choice, int or float");
            return Optional.empty();
        }
        String kind = d.words().getFirst();
        if (!List.of("toggle", "choice", "int", "float").contains(kind)) {
            report.problem(line, "unknown knob kind '" + kind + "' (expected toggle, choice, int or float)");
            return Optional.empty();
        }
        List<String> required = new ArrayList<>(List.of("id", "label", "line", "literal"));
        switch (kind) {
            case "choice" -> required.add("values");
            case "int" -> required.addAll(List.of("min", "max"));
            case "float" -> required.addAll(List.of("min", "max", "step"));
            default -> { }
        }
        List<String> missing = required.stream().filter(k -> !a.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            report.problem(line, "'knob " + kind + "' needs "
                    + String.join(", ", missing.stream().map(k -> k + "=…").toList()));
            return Optional.empty();
        }
        String id = a.get("id");
        if (!ID.matcher(id).matches()) {
            report.problem(line, "knob id '" + id + "' must be a name of letters, digits, _ and -");
            return Optional.empty();
        }
        String who = "knob '" + id + "': ";
        if (a.get("label").isBlank()) {
            report.problem(line, who + "label is empty");
            return Optional.empty();
        }
        int codeLine;
        try {
            codeLine = Integer.parseInt(a.get("line"));
        } catch (NumberFormatException e) {
            codeLine = 0;
        }
        if (codeLine < 1) {
            report.problem(line, who + "line=" + a.get("line") + " is not a line number of the code block");
            return Optional.empty();
        }
        String literal = a.get("literal");
        if (literal.isEmpty()) {
            report.problem(line, who + "literal is empty");
            return Optional.empty();
        }
        Optional<Knob.Control> control = control(kind, a, literal, who, line);
        if (control.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> rejected = control.get().rejects(literal);
        if (rejected.isPresent()) {
            report.problem(line, who + "its literal does not fit the control: " + rejected.get());
            return Optional.empty();
        }
        return Optional.of(new Knob(id, a.get("label"), control.get(), codeLine, literal, line));
    }

    private Optional<Knob.Control> control(String kind, Map<String, String> a, String literal, String who, int line) {
        List<String> values = a.containsKey("values")
                ? Arrays.stream(a.get("values").split("\\|", -1)).map(String::strip).toList()
                : List.of();
        if (a.containsKey("values") && values.stream().anyMatch(String::isEmpty)) {
            report.problem(line, who + "values has an empty entry");
            return Optional.empty();
        }
        if (values.size() != values.stream().distinct().count()) {
            report.problem(line, who + "values has an entry twice");
            return Optional.empty();
        }
        switch (kind) {
            case "toggle" -> {
                if (values.isEmpty() && (literal.equals("True") || literal.equals("False"))) {
                    return Optional.of(new Knob.Toggle("False", "True"));
                }
                if (values.isEmpty()) {
                    report.problem(line, who + "a toggle of '" + literal + "' needs values=OFF|ON");
                    return Optional.empty();
                }
                if (values.size() != 2) {
                    report.problem(line, who + "a toggle needs exactly two values, not " + values.size());
                    return Optional.empty();
                }
                return Optional.of(new Knob.Toggle(values.get(0), values.get(1)));
            }
            case "choice" -> {
                if (values.size() < 2) {
                    report.problem(line, who + "a choice needs at least two values");
                    return Optional.empty();
                }
                return Optional.of(new Knob.Choice(values));
            }
            case "int" -> {
                Optional<Long> min = longValue(a, "min", who, line);
                Optional<Long> max = longValue(a, "max", who, line);
                Optional<Long> step = a.containsKey("step") ? longValue(a, "step", who, line) : Optional.of(1L);
                if (min.isEmpty() || max.isEmpty() || step.isEmpty()) {
                    return Optional.empty();
                }
                if (!rangeOk(min.get().compareTo(max.get()), step.get() > 0, who, line)) {
                    return Optional.empty();
                }
                return Optional.of(new Knob.IntegerSpinner(min.get(), max.get(), step.get()));
            }
            default -> {
                Optional<BigDecimal> min = decimal(a, "min", who, line);
                Optional<BigDecimal> max = decimal(a, "max", who, line);
                Optional<BigDecimal> step = decimal(a, "step", who, line);
                if (min.isEmpty() || max.isEmpty() || step.isEmpty()) {
                    return Optional.empty();
                }
                if (!rangeOk(min.get().compareTo(max.get()), step.get().signum() > 0, who, line)) {
                    return Optional.empty();
                }
                return Optional.of(new Knob.FloatSlider(min.get(), max.get(), step.get()));
            }
        }
    }

    private boolean rangeOk(int minVersusMax, boolean positiveStep, String who, int line) {
        if (minVersusMax > 0) {
            report.problem(line, who + "min is greater than max");
            return false;
        }
        if (!positiveStep) {
            report.problem(line, who + "step must be positive");
            return false;
        }
        return true;
    }

    private Optional<Long> longValue(Map<String, String> a, String key, String who, int line) {
        try {
            return Optional.of(Long.parseLong(a.get(key)));
        } catch (NumberFormatException e) {
            report.problem(line, who + key + "=" + a.get(key) + " is not an integer");
            return Optional.empty();
        }
    }

    private Optional<BigDecimal> decimal(Map<String, String> a, String key, String who, int line) {
        Optional<BigDecimal> value = Knob.FloatSlider.parse(a.get(key));
        if (value.isEmpty()) {
            report.problem(line, who + key + "=" + a.get(key)
                    + " is not a number with at most 12 digits on each side of the point");
        }
        return value;
    }

    /** The prediction of a {@code predict} directive; knob values are checked later, against the animated block. */
    Optional<Prediction> prediction(Directive d) {
        String output = d.attributes().getOrDefault("output", "all");
        Prediction.Output selected;
        if (output.equals("all")) {
            selected = new Prediction.WholeOutput();
        } else if (output.equals("first")) {
            selected = new Prediction.OutputLine(1);
        } else if (output.equals("last")) {
            selected = new Prediction.OutputLine(-1);
        } else if (OUTPUT_LINE.matcher(output).matches()) {
            selected = new Prediction.OutputLine(Integer.parseInt(output));
        } else {
            report.problem(d.line(), "output=" + output + " is not all, first, last or a line number");
            return Optional.empty();
        }
        Map<String, String> knobs = new LinkedHashMap<>();
        d.attributes().forEach((key, value) -> {
            if (key.startsWith("with.")) {
                knobs.put(key.substring("with.".length()), value);
            }
        });
        return Optional.of(new Prediction(selected, knobs));
    }
}
