package dev.loopscope.python.runtime;

/** An object with its own attribute namespace: instances of Python classes, including subclasses of builtins. */
public interface HasDict {

    PyDict instanceDict();
}
