package dev.loopscope.python.runtime;

import dev.loopscope.engine.Completion;
import dev.loopscope.engine.Outcome;
import java.util.function.Function;

/**
 * What a {@link Native} returns to hand an engine {@link Outcome} ({@code Sleep}, {@code Wait}, {@code Call})
 * to the simulation. When the engine resumes the thread with a {@link Completion}, {@code then} turns it into
 * the native's result: a value, a thrown {@link PyError}, or another {@code Suspend}/{@link TailCall}.
 */
public record Suspend(Outcome outcome, Function<Completion, Object> then) {

    /** Returns the completion's value, or raises its exception. */
    public static final Function<Completion, Object> RESULT = c -> switch (c) {
        case Completion.Returned r -> r.value();
        case Completion.Raised r -> throw new PyError((PyBaseException) r.exception());
        case Completion.Yielded y -> y.value();
    };

    public Suspend(Outcome outcome) {
        this(outcome, RESULT);
    }
}
