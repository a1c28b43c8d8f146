package dev.loopscope.python.runtime;

import java.util.function.Function;

/**
 * What a {@link Native} returns to call {@code callable} without nesting the interpreter: the call runs as an
 * ordinary Python call, and its result (passed through {@code then} when given) becomes the native's result.
 */
public record TailCall(Object callable, Object[] args, String[] kwNames, Function<Object, Object> then) {

    public TailCall(Object callable, Object... args) {
        this(callable, args, null, null);
    }
}
