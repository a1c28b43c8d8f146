package dev.loopscope.python.runtime;

import java.math.BigInteger;

/**
 * {@code sys.getsizeof}: what CPython 3.12 on a 64-bit build reports, from its object layouts (headers, 30-bit int
 * digits, compact strings by character width) and from the allocation a list, dict or set would have after the same
 * operations. Objects Loopscope does not lay out like CPython get a typical size.
 */
final class SizeOf {

    private SizeOf() {
    }

    static long of(Object o) {
        if (o instanceof Boolean) {
            return 28;
        }
        if (o instanceof Long || o instanceof BigInteger) {
            int bits = Ops.big(o).abs().bitLength();
            return 24 + 4L * Math.max(1, (bits + 29) / 30);
        }
        if (o instanceof Double) {
            return 24;
        }
        if (o instanceof String s) {
            return str(s);
        }
        if (o instanceof PyNone) {
            return 16;
        }
        if (o instanceof PyTuple t) {
            return 40 + 8L * t.items.length;
        }
        if (o instanceof PyList l) {
            return 56 + 8L * Math.max(l.allocated, l.size);
        }
        if (o instanceof PyDict d) {
            return dict(d);
        }
        if (o instanceof PySet s) {
            return s.mask == 7 ? 216 : 216 + 16L * (s.mask + 1);
        }
        if (o instanceof PyRange) {
            return 48;
        }
        if (o instanceof byte[] b) {
            return 33 + b.length;
        }
        if (o instanceof PySlice) {
            return 56;
        }
        if (o instanceof PyFunction) {
            return 160;
        }
        if (o instanceof PyGenerator g) {
            // the generator object holds its frame: locals, cells and the value stack
            Code c = g.frame.code;
            // (Loopscope's value stack keeps two slots more than CPython's co_stacksize)
            return 160 + 8L * (c.varNames.length + c.cellVars.length + c.freeVars.length
                    + Math.max(2, c.stackSize - 2));
        }
        if (o instanceof PyBuiltin) {
            return 72;
        }
        if (o instanceof PyMethod) {
            return 48;
        }
        if (o instanceof PyModule) {
            return 72;
        }
        if (o instanceof PyType t) {
            // a class that gives its instances a __dict__ of their own also holds the keys they share
            return t.builtin ? 432 : addsInstanceDict(t) ? 1704 : 936;
        }
        if (o instanceof PyIterator || o instanceof DictView) {
            return switch (Py.typeName(o)) {
                case "range_iterator", "dict_keys", "dict_values", "dict_items" -> 40;
                case "enumerate" -> 72;
                case "zip" -> 64;
                default -> 48;
            };
        }
        if (o instanceof PyBaseException e) {
            return e.type.builtin ? 88 : 104;
        }
        if (o instanceof PyInstance inst) {
            if (inst.type == Types.OBJECT) {
                return 16;
            }
            return inst.type.slotted ? 32 + 8L * slotCount(inst.type) : 48;
        }
        return 48;
    }

    /** Compact strings: ASCII ones have a smaller header; others take 1, 2 or 4 bytes a character. */
    private static long str(String s) {
        int max = 0;
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            max = Math.max(max, cp);
            n++;
            i += Character.charCount(cp);
        }
        if (max < 0x80) {
            return 41 + n;
        }
        if (max < 0x100) {
            // the one-character Latin-1 strings are shared objects that also hold their UTF-8 form
            return n == 1 ? 61 : 57 + n;
        }
        int width = max < 0x10000 ? 2 : 4;
        return 56 + (long) width * (n + 1);
    }

    /** A dict: its object, then a keys table of 2**log2 slots (entries of 16 bytes when every key is a str). */
    private static long dict(PyDict d) {
        if (d.cpyLog2 == 0) {
            return 64;
        }
        boolean strKeys = true;
        for (int i = 0; i < d.end(); i++) {
            Object k = d.keyAt(i);
            if (k != null && !(k instanceof String)) {
                strKeys = false;
                break;
            }
        }
        long slots = 1L << d.cpyLog2;
        long indexBytes = d.cpyLog2 < 8 ? 1 : d.cpyLog2 < 16 ? 2 : d.cpyLog2 < 32 ? 4 : 8;
        long usable = (slots << 1) / 3;
        return 96 + slots * indexBytes + usable * (strKeys ? 16 : 24);
    }

    private static boolean addsInstanceDict(PyType t) {
        Object slots = t.dict.getStr("__slots__");
        if (slots != null && !(slots instanceof String s ? s.equals("__dict__")
                : java.util.Arrays.asList(Sequences.toArray(slots)).contains("__dict__"))) {
            return false;
        }
        for (int i = 1; i < t.mro.length; i++) {
            PyType b = t.mro[i];
            if (b != Types.OBJECT && (b.builtin ? b.isSubtypeOf(Types.BASE_EXCEPTION) : !b.slotted)) {
                return false; // a base already has one
            }
        }
        return true;
    }

    private static int slotCount(PyType t) {
        int n = 0;
        for (PyType c : t.mro) {
            for (Object k : c.dict.keyList()) {
                if (c.dict.getStr((String) k) instanceof PyProperty p && p.memberOf != null) {
                    n++;
                }
            }
        }
        return n;
    }
}
