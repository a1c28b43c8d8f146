package dev.loopscope.python.runtime;

/** A module-style code object bound to namespaces, callable once: how {@code exec}/{@code eval} run their code. */
final class CodeRunner extends PyObject {

    final Code code;
    final PyDict globals;
    final PyDict locals;

    CodeRunner(Code code, PyDict globals, PyDict locals) {
        this.code = code;
        this.globals = globals;
        this.locals = locals;
    }

    @Override
    public PyType type() {
        return CodeObject.TYPE;
    }
}
