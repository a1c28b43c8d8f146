package dev.loopscope.ui.lab;

/** The two programs of the blocking lab: the same code with the call made directly, and offloaded. */
public final class BlockingVariants {

    private static final String OFFLOADED = "await loop.run_in_executor(None, blocking)";

    private BlockingVariants() {
    }

    public record Pair(String blocking, String offloaded) {}

    /** From either variant of the source, both: the blocking call as {@code blocking()} and as run_in_executor. */
    public static Pair of(String source) {
        if (source.contains(OFFLOADED)) {
            return new Pair(source.replace(OFFLOADED, "blocking()"), source);
        }
        if (source.contains("blocking()")) {
            return new Pair(source, source.replaceFirst("(?<!def )blocking\\(\\)", OFFLOADED));
        }
        return new Pair(source, source);
    }
}
