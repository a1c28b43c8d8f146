package dev.loopscope.python.runtime;

import dev.loopscope.engine.LibraryFrame;

/**
 * One entry of an exception's traceback, outermost first: a Python frame at an instruction, or a frame of
 * CPython's own library code supplied by the engine. {@code frame} is the frame that ran (for the suggestions
 * CPython prints with a NameError), or null.
 */
public record Traceback(Code code, int pc, LibraryFrame library, Traceback next, Object frame) {

    public Traceback(Code code, int pc, LibraryFrame library, Traceback next) {
        this(code, pc, library, next, null);
    }

    public int line() {
        return code == null ? 0 : pc < 0 ? code.firstLine : code.lineAt(pc);
    }
}
