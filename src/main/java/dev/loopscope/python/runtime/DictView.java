package dev.loopscope.python.runtime;

/** {@code dict.keys()}, {@code dict.values()} and {@code dict.items()}: live views of a dict. */
public final class DictView extends PyObject {

    public static final int KEYS = 0;
    public static final int VALUES = 1;
    public static final int ITEMS = 2;

    public final PyDict dict;
    public final int kind;

    public DictView(PyDict dict, int kind) {
        this.dict = dict;
        this.kind = kind;
    }

    @Override
    public PyType type() {
        return kind == KEYS ? Types.DICT_KEYS : kind == VALUES ? Types.DICT_VALUES : Types.DICT_ITEMS;
    }
}
