package dev.loopscope.run;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the literals a demo program is parameterised by back out of its (possibly edited) source text. */
final class DemoParams {

    private final String source;

    DemoParams(String source) {
        this.source = source;
    }

    Optional<String> group(String regex) {
        Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(source);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    int integer(String regex, int fallback, int min, int max) {
        return group(regex).map(s -> s.replace("_", "")).map(s -> {
            try {
                return Math.clamp(Long.parseLong(s.strip()), min, max);
            } catch (NumberFormatException e) {
                return fallback;
            }
        }).orElse(fallback);
    }

    double number(String regex, double fallback, double min, double max) {
        return group(regex).map(s -> {
            try {
                return Math.clamp(Double.parseDouble(s.strip()), min, max);
            } catch (NumberFormatException e) {
                return fallback;
            }
        }).orElse(fallback);
    }

    boolean bool(String regex, boolean fallback) {
        return group(regex).map(s -> s.strip().equals("True")).orElse(fallback);
    }

    boolean contains(String regex) {
        return Pattern.compile(regex, Pattern.MULTILINE).matcher(source).find();
    }

    /** 1-based number of the first line matching {@code regex}, or 0. */
    int line(String regex) {
        Pattern p = Pattern.compile(regex);
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (p.matcher(lines[i]).find()) {
                return i + 1;
            }
        }
        return 0;
    }
}
