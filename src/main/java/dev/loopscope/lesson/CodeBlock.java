package dev.loopscope.lesson;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A fenced (or indented) code block.
 *
 * @param line the file line of the opening fence (of the first line for an indented block)
 * @param language the first word of the info string, or "" when there is none
 * @param code the code, each line ending in a newline, as commonmark gives it
 * @param firstCodeLine the file line of the first line of code: the line after the opening fence
 * @param animation present when the lesson animates this block
 */
public record CodeBlock(int line, String language, String code, int firstCodeLine, Optional<Animation> animation)
        implements Block {

    public CodeBlock {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(animation, "animation");
    }

    public boolean animated() {
        return animation.isPresent();
    }

    /**
     * The code with knob values applied (see {@link Animation#apply}).
     *
     * @throws IllegalArgumentException when values are given for a block that is not animated, or are not allowed
     */
    public String codeWith(Map<String, String> knobValues) {
        if (animation.isEmpty()) {
            if (!knobValues.isEmpty()) {
                throw new IllegalArgumentException("the code block at line " + line + " has no knobs");
            }
            return code;
        }
        return animation.get().apply(code, knobValues);
    }
}
