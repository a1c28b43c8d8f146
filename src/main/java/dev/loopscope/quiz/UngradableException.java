package dev.loopscope.quiz;

/** A predict question whose correct option cannot be worked out now: the program runner is missing or failed. */
public final class UngradableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UngradableException(String message) {
        super(message);
    }
}
