package dev.loopscope.python.library;

import dev.loopscope.python.PythonProgram;
import dev.loopscope.python.runtime.Interpreter;
import dev.loopscope.python.runtime.PyModule;
import dev.loopscope.python.runtime.PyThread;

/** Parts of library modules written in Python (generators that block, as CPython's own are). */
final class LibraryPython {

    private LibraryPython() {
    }

    /** Runs {@code source} as part of {@code module}'s body; its top level must not block. */
    static void define(Interpreter interp, PyModule module, String file, String source) {
        String path = dev.loopscope.python.runtime.LibraryFrames.DEFAULT_ROOT + "/" + file;
        if (!(PythonProgram.compile(path, source, false) instanceof PythonProgram.CompileResult.Ok ok)) {
            throw new IllegalStateException("library source does not compile: " + file);
        }
        interp.runNested(PyThread.forModule(interp, ok.program().code(), module));
    }
}
