package dev.loopscope.python.library;

import dev.loopscope.python.runtime.Interpreter;
import dev.loopscope.python.runtime.PyBuiltin;
import dev.loopscope.python.runtime.PyCollections;
import dev.loopscope.python.runtime.PyModule;
import dev.loopscope.python.runtime.PyType;

/**
 * The {@code collections} module: {@code deque} and {@code namedtuple} from Java, and {@code defaultdict},
 * {@code Counter} and {@code OrderedDict} as dict subclasses written in Python ({@code collections.py} beside this
 * class), whose methods that CPython writes in C (defaultdict's __init__ and __missing__, OrderedDict's popitem
 * and move_to_end) come from Java so that their errors carry no library frame.
 */
public final class CollectionsModule {

    private static final String SOURCE = ThreadingModule.read("collections.py");

    private CollectionsModule() {
    }

    public static PyModule create(Interpreter interp) {
        PyModule m = new PyModule("collections");
        m.set("deque", PyCollections.DEQUE);
        m.def("namedtuple", (t, a, kw) -> PyCollections.namedtuple(a, kw));
        PyModule helpers = new PyModule("collections");
        helpers.def("_count_elements", PyCollections.COUNT_ELEMENTS);
        PyModule body = LibraryPython.defineModule(interp, "collections/__init__.py", "collections", SOURCE,
                helpers);
        LibraryPython.export(body, m, "defaultdict", "OrderedDict", "Counter");
        PyType defaultdict = (PyType) m.get("defaultdict");
        defaultdict.method("__init__", PyCollections.DEFAULTDICT_INIT);
        defaultdict.method("__missing__", PyCollections.DEFAULTDICT_MISSING);
        PyType ordered = (PyType) m.get("OrderedDict");
        ordered.method("popitem", PyCollections.ORDERED_POPITEM);
        ordered.method("move_to_end", PyCollections.ORDERED_MOVE_TO_END);
        return m;
    }
}
