package dev.loopscope.lesson;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A UI control bound to one literal in an animated code block, such as a toggle for
 * {@code return_exceptions=False}. The literal is located by its line inside the code block and its
 * current text, which must occur there exactly once as a whole token; that survives edits elsewhere
 * in the lesson and fails loudly when the code line itself changes.
 *
 * @param id how predict questions and saved settings refer to the knob
 * @param label what the UI shows next to the control
 * @param codeLine 1-based line inside the code block (1 = the line after the opening fence)
 * @param literal the literal's text as written in the code, which is also the knob's initial value
 * @param sourceLine the file line of the directive, for problems
 */
public record Knob(String id, String label, Control control, int codeLine, String literal, int sourceLine) {

    public Knob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(literal, "literal");
    }

    /** What kind of control the knob is, and which values it allows. Values are Python literal texts. */
    public sealed interface Control permits Toggle, Choice, IntegerSpinner, FloatSlider {

        /** Why the value is not allowed, or empty when it is. */
        Optional<String> rejects(String value);

        /** The name used in lesson files and JSON. */
        String kind();
    }

    /** Two values, such as {@code False} and {@code True}. */
    public record Toggle(String off, String on) implements Control {
        @Override
        public Optional<String> rejects(String value) {
            return value.equals(off) || value.equals(on)
                    ? Optional.empty()
                    : Optional.of("'" + value + "' is neither " + off + " nor " + on);
        }

        @Override
        public String kind() {
            return "toggle";
        }
    }

    /** One of a fixed set of values. */
    public record Choice(List<String> values) implements Control {
        public Choice {
            values = List.copyOf(values);
        }

        @Override
        public Optional<String> rejects(String value) {
            return values.contains(value)
                    ? Optional.empty()
                    : Optional.of("'" + value + "' is not one of " + String.join(", ", values));
        }

        @Override
        public String kind() {
            return "choice";
        }
    }

    /** An integer between min and max (inclusive) in steps from min. */
    public record IntegerSpinner(long min, long max, long step) implements Control {
        @Override
        public Optional<String> rejects(String value) {
            long v;
            try {
                v = Long.parseLong(value);
            } catch (NumberFormatException e) {
                return Optional.of("'" + value + "' is not an integer");
            }
            if (v < min || v > max) {
                return Optional.of(value + " is outside " + min + ".." + max);
            }
            if (Math.floorMod(v - min, step) != 0) {
                return Optional.of(value + " is not " + min + " plus a multiple of " + step);
            }
            return Optional.empty();
        }

        /** The literal for the allowed value nearest to {@code value}. */
        public String literal(long value) {
            long clamped = Math.clamp(value, min, max);
            long steps = Math.round((double) (clamped - min) / step);
            return Long.toString(Math.min(max, min + steps * step));
        }

        @Override
        public String kind() {
            return "int";
        }
    }

    /** A float between min and max (inclusive) in steps from min; exact decimal arithmetic avoids 0.30000000000000004. */
    public record FloatSlider(BigDecimal min, BigDecimal max, BigDecimal step) implements Control {
        /** Sliders need neither huge nor very fine numbers; bounding them keeps decimal arithmetic cheap. */
        static Optional<BigDecimal> parse(String text) {
            if (text.length() > 40) {
                return Optional.empty();
            }
            try {
                BigDecimal v = new BigDecimal(text);
                boolean sane = v.abs().compareTo(BigDecimal.valueOf(1_000_000_000_000L)) < 0
                        && v.stripTrailingZeros().scale() <= 12;
                return sane ? Optional.of(v) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        @Override
        public Optional<String> rejects(String value) {
            Optional<BigDecimal> parsed = parse(value);
            if (parsed.isEmpty()) {
                return Optional.of("'" + value + "' is not a number with at most 12 digits on each side of the point");
            }
            BigDecimal v = parsed.get();
            if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
                return Optional.of(value + " is outside " + min.toPlainString() + ".." + max.toPlainString());
            }
            if (v.subtract(min).remainder(step).signum() != 0) {
                return Optional.of(value + " is not " + min.toPlainString() + " plus a multiple of " + step.toPlainString());
            }
            return Optional.empty();
        }

        /** The Python float literal for the allowed value nearest to {@code value}. */
        public String literal(double value) {
            BigDecimal v = BigDecimal.valueOf(value).max(min).min(max);
            BigDecimal steps = v.subtract(min).divide(step, 0, RoundingMode.HALF_UP);
            return pythonFloat(min.add(steps.multiply(step)).min(max));
        }

        static String pythonFloat(BigDecimal value) {
            String text = value.stripTrailingZeros().toPlainString();
            return text.contains(".") ? text : text + ".0";
        }

        @Override
        public String kind() {
            return "float";
        }
    }

    /** Where the knob's literal is in a code text, or why it is not there. */
    public sealed interface Location {
        record Found(int offset) implements Location {}

        record Missing(String message) implements Location {}
    }

    /** Finds the literal: it must occur exactly once as a whole token on {@link #codeLine()}. */
    public Location locate(String code) {
        List<String> lines = code.lines().toList();
        if (codeLine < 1 || codeLine > lines.size()) {
            return new Location.Missing("knob '" + id + "': the code block has " + lines.size()
                    + (lines.size() == 1 ? " line" : " lines") + ", so there is no line " + codeLine);
        }
        int lineStart = 0;
        for (int i = 1; i < codeLine; i++) {
            lineStart = code.indexOf('\n', lineStart) + 1;
        }
        String text = lines.get(codeLine - 1);
        int found = -1;
        int count = 0;
        for (int at = text.indexOf(literal); at >= 0 && !literal.isEmpty(); at = text.indexOf(literal, at + 1)) {
            if (isWholeToken(text, at, literal.length())) {
                found = at;
                count++;
            }
        }
        if (count == 0) {
            return new Location.Missing("knob '" + id + "': literal '" + literal + "' not found on line " + codeLine
                    + " of the code block");
        }
        if (count > 1) {
            return new Location.Missing("knob '" + id + "': literal '" + literal + "' occurs " + count
                    + " times on line " + codeLine + " of the code block, so it is ambiguous");
        }
        return new Location.Found(lineStart + found);
    }

    /** Why the locator does not match the code, or empty when it does. */
    public Optional<String> mismatch(String code) {
        return switch (locate(code)) {
            case Location.Found f -> Optional.empty();
            case Location.Missing m -> Optional.of(m.message());
        };
    }

    /** Why the value is not allowed for this knob, or empty when it is. */
    public Optional<String> rejects(String value) {
        return control.rejects(value).map(reason -> "knob '" + id + "': " + reason);
    }

    /**
     * The code with this knob's literal replaced by {@code value}.
     *
     * @throws IllegalArgumentException when the value is not allowed or the literal is not in the code
     */
    public String apply(String code, String value) {
        rejects(value).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        return switch (locate(code)) {
            case Location.Found f -> code.substring(0, f.offset()) + value
                    + code.substring(f.offset() + literal.length());
            case Location.Missing m -> throw new IllegalArgumentException(m.message());
        };
    }

    private static boolean isWholeToken(String text, int at, int length) {
        boolean startsWord = isWordChar(text.charAt(at));
        boolean endsWord = isWordChar(text.charAt(at + length - 1));
        if (startsWord && at > 0 && (isWordChar(text.charAt(at - 1)) || text.charAt(at - 1) == '.')) {
            return false;
        }
        int end = at + length;
        return !(endsWord && end < text.length() && (isWordChar(text.charAt(end)) || text.charAt(end) == '.'));
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
