package dev.loopscope.python.runtime;

import dev.loopscope.engine.LibraryFrame;

/**
 * One entry of an exception's traceback, outermost first: a Python frame at an instruction, or a frame of
 * CPython's own library code supplied by the engine.
 */
public record Traceback(Code code, int pc, LibraryFrame library, Traceback next) {

    public int line() {
        return code == null ? 0 : code.lineAt(pc);
    }
}
