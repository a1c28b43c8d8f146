package dev.loopscope.python.runtime;

import java.util.Map;
import java.util.Set;

/**
 * What {@code dir()} lists for a class beyond the names Loopscope defines on it: the slot wrappers and descriptors
 * CPython's builtin types carry that Loopscope does not model as attributes, and the ones a class statement adds.
 * Names Loopscope defines on a builtin type that CPython's type lacks are left out.
 */
final class DirNames {

    private DirNames() {
    }

    private static final Map<PyType, Set<String>> EXTRA = Map.ofEntries(
            Map.entry(Types.OBJECT, Set.of("__class__", "__delattr__", "__doc__", "__ge__", "__getstate__", "__gt__",
                    "__le__", "__lt__", "__reduce__", "__reduce_ex__", "__sizeof__", "__subclasshook__")),
            Map.entry(Types.BASE_EXCEPTION, Set.of("__dict__", "__setstate__")),
            Map.entry(Types.OS_ERROR, Set.of("characters_written")),
            Map.entry(Types.INT, Set.of("__bool__", "__ceil__", "__divmod__", "__floor__", "__getnewargs__",
                    "__invert__", "__pos__", "__rdivmod__", "__trunc__", "from_bytes")),
            Map.entry(Types.FLOAT, Set.of("__bool__", "__divmod__", "__getformat__", "__getnewargs__", "__pos__",
                    "__rdivmod__")),
            Map.entry(Types.STR, Set.of("__getnewargs__", "__iter__", "__rmod__", "__rmul__")),
            Map.entry(Types.LIST, Set.of("__imul__", "__rmul__")),
            Map.entry(Types.TUPLE, Set.of("__getnewargs__", "__mul__", "__rmul__")),
            Map.entry(Types.DICT, Set.of("__ior__", "__or__", "__reversed__", "__ror__")),
            Map.entry(Types.SET, Set.of("__and__", "__iand__", "__ior__", "__isub__", "__ixor__", "__or__", "__rand__",
                    "__ror__", "__rsub__", "__rxor__", "__sub__", "__xor__")),
            Map.entry(Types.FROZENSET, Set.of("__and__", "__or__", "__rand__", "__ror__", "__rsub__", "__rxor__",
                    "__sub__", "__xor__")),
            Map.entry(Types.NONE_TYPE, Set.of("__bool__")),
            Map.entry(Types.RANGE, Set.of("__bool__")),
            Map.entry(Types.BUILTIN_FUNCTION, Set.of("__call__", "__text_signature__")),
            Map.entry(Types.FUNCTION, Set.of("__builtins__", "__call__", "__type_params__")),
            Map.entry(Types.LIST_ITERATOR, Set.of("__length_hint__", "__setstate__")),
            Map.entry(Types.GENERATOR, Set.of("__del__", "gi_code", "gi_suspended", "gi_yieldfrom")));

    private static final Map<PyType, Set<String>> ABSENT = Map.of(
            Types.INT, Set.of("__matmul__"),
            Types.FLOAT, Set.of("__and__", "__lshift__", "__matmul__", "__or__", "__rshift__", "__xor__"));

    /** Adds the names {@code dir()} shows for the attributes of class {@code t} itself (not its bases). */
    static void addOwn(PyType t, Set<String> names) {
        Set<String> absent = ABSENT.getOrDefault(t, Set.of());
        for (Object k : t.dict.keyList()) {
            if (!absent.contains(k)) {
                names.add((String) k);
            }
        }
        names.addAll(EXTRA.getOrDefault(t, Set.of()));
        if (!t.builtin && t.dict.getStr("__slots__") == null) {
            // a class statement gives instances a __dict__ and weak references
            names.add("__dict__");
            names.add("__weakref__");
        }
        if (!t.builtin) {
            names.add("__module__");
            names.add("__doc__");
        }
    }
}
