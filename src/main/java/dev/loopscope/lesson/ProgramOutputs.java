package dev.loopscope.lesson;

import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Runs a lesson's program and tells what it prints. Predict questions are checked against this, never against
 * an answer written in the file, so the quiz cannot disagree with what the animation shows.
 *
 * <p>The real implementation runs the code on the simulation engine; it is found with {@link #installed()} (a
 * module {@code provides dev.loopscope.lesson.ProgramOutputs with ...}) or handed in directly.
 */
@FunctionalInterface
public interface ProgramOutputs {

    /**
     * Runs the program to its end.
     *
     * @param code the code with the knob values already applied
     * @param knobValues every knob of the block, id to literal, as applied to {@code code}
     */
    Result run(String code, Map<String, String> knobValues);

    sealed interface Result {
        /** The program ended; {@code stdout} is everything it printed. */
        record Printed(String stdout) implements Result {}

        /** The program could not run or did not end, say why. */
        record Failed(String message) implements Result {}
    }

    /** Stands in when no implementation is installed: every run fails, so predict questions cannot be graded. */
    static ProgramOutputs unavailable() {
        return (code, knobValues) -> new Result.Failed("no program runner is installed");
    }

    /** The installed implementation, if a module provides one. */
    static Optional<ProgramOutputs> installed() {
        try {
            return ServiceLoader.load(ProgramOutputs.class).findFirst();
        } catch (ServiceConfigurationError e) {
            return Optional.empty();
        }
    }
}
