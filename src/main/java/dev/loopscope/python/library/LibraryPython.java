package dev.loopscope.python.library;

import dev.loopscope.python.PythonProgram;
import dev.loopscope.python.runtime.Interpreter;
import dev.loopscope.python.runtime.LibraryFrames;
import dev.loopscope.python.runtime.PyModule;
import dev.loopscope.python.runtime.PyThread;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parts of library modules written in Python (generators that block, classes a program may subclass), run as
 * CPython runs its own library code: their frames appear in tracebacks under CPython's file names.
 *
 * <p>So that those frames also show CPython's line numbers and source lines, a line of the source may end
 * with a pin, {@code #@N}: blank lines are inserted before it so that it becomes line {@code N} of the file,
 * and the pin itself is dropped. A pinned line quotes the statement CPython has at that line.
 */
final class LibraryPython {

    /** Pinned sources, by text: the same library source is laid out once per run of the JVM. */
    private static final Map<String, String> LAID_OUT = new ConcurrentHashMap<>();

    private LibraryPython() {
    }

    /** Runs {@code source} as part of {@code module}'s body; its top level must not block. */
    static void define(Interpreter interp, PyModule module, String file, String source) {
        String path = LibraryFrames.DEFAULT_ROOT + "/" + file;
        if (!(PythonProgram.compile(path, layOut(source), false) instanceof PythonProgram.CompileResult.Ok ok)) {
            throw new IllegalStateException("library source does not compile: " + file);
        }
        interp.runNested(PyThread.forModule(interp, ok.program().code(), module));
    }

    /**
     * Runs {@code source} as the body of a module of its own named {@code moduleName} (the {@code __module__}
     * of its classes), which starts with every public name of the modules {@code from}. Returns the new module;
     * {@link #export} hands its names on.
     */
    static PyModule defineModule(Interpreter interp, String file, String moduleName, String source,
                                 PyModule... from) {
        PyModule m = new PyModule(moduleName);
        for (PyModule f : from) {
            for (Object key : f.dict.keyList()) {
                String k = String.valueOf(key);
                if (!k.startsWith("__")) {
                    m.set(k, f.get(k));
                }
            }
        }
        m.set("__file__", LibraryFrames.DEFAULT_ROOT + "/" + file);
        define(interp, m, file, source);
        return m;
    }

    /** Copies {@code names} of module {@code from} into {@code into}. */
    static void export(PyModule from, PyModule into, String... names) {
        for (String name : names) {
            Object v = from.get(name);
            if (v == null) {
                throw new IllegalStateException(from.name + " does not define " + name);
            }
            into.set(name, v);
        }
    }

    /** The source with every pinned line moved to its line number and its pin removed. */
    static String layOut(String source) {
        return LAID_OUT.computeIfAbsent(source, LibraryPython::pin);
    }

    private static String pin(String source) {
        StringBuilder out = new StringBuilder();
        int line = 1;
        for (String text : source.split("\n", -1)) {
            int at = text.lastIndexOf("#@");
            if (at >= 0 && text.substring(at + 2).strip().matches("\\d+")) {
                int wanted = Integer.parseInt(text.substring(at + 2).strip());
                if (wanted < line) {
                    throw new IllegalStateException("library line pinned at " + wanted + " is already line " + line
                            + ": " + text.strip());
                }
                while (line < wanted) {
                    out.append('\n');
                    line++;
                }
                text = text.substring(0, at).stripTrailing();
            }
            out.append(text).append('\n');
            line++;
        }
        return out.toString();
    }
}
