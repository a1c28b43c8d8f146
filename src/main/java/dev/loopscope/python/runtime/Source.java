package dev.loopscope.python.runtime;

/** A program's source file, kept so tracebacks can quote lines. */
public record Source(String fileName, String text, String[] lineTexts) {

    public static Source of(String fileName, String text) {
        return new Source(fileName, text, text.split("\r\n|\r|\n", -1));
    }

    /** Line {@code n} (1-based) without its line ending, or null. */
    public String line(int n) {
        return n >= 1 && n <= lineTexts.length ? lineTexts[n - 1] : null;
    }
}
