package dev.loopscope.python.runtime;

/**
 * What the generator methods ({@code next}, {@code send}, {@code throw}, {@code close}) return to the loop so
 * that the generator's frame runs on the calling thread instead of in a nested Java call.
 */
record GenOp(PyGenerator gen, Object value, int kind, Object dflt) {
    static final int SEND = 0;
    static final int THROW = 1;
    static final int CLOSE = 2;
}
