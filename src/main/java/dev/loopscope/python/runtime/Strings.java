package dev.loopscope.python.runtime;

import java.util.ArrayList;
import java.util.List;

/** str: repr, code-point helpers and the str methods. */
public final class Strings {

    private Strings() {
    }

    private static final String[] CHARS = new String[256];

    static {
        for (int i = 0; i < 256; i++) {
            CHARS[i] = String.valueOf((char) i);
        }
    }

    /**
     * Unicode full case folding ({@code str.casefold}): each character's full uppercase mapping, lowercased,
     * which folds 'ß' to "ss", ligatures to their letters and 'ς' to 'σ'; the characters where that differs
     * from CaseFolding.txt are handled apart (dotless i stays, capital sharp s folds to "ss", Cherokee folds
     * to its uppercase letters).
     */
    static String casefold(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp < 0x80) {
                sb.append((char) (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
            } else if (cp == 0x131) {
                sb.appendCodePoint(cp);
            } else if (cp == 0x1E9E) {
                sb.append("ss");
            } else if (cp >= 0x13A0 && cp <= 0x13F5) {
                sb.appendCodePoint(cp);
            } else if (cp >= 0x13F8 && cp <= 0x13FD || cp >= 0xAB70 && cp <= 0xABBF) {
                sb.appendCodePoint(Character.toUpperCase(cp));
            } else {
                String c = new String(Character.toChars(cp));
                sb.append(c.toUpperCase(java.util.Locale.ROOT).toLowerCase(java.util.Locale.ROOT));
            }
        });
        return sb.toString();
    }

    /** Whether a capital sigma at {@code i} ends a word, so that it lowers to 'ς' (Unicode's Final_Sigma). */
    private static boolean finalSigma(int[] cps, int i) {
        int j = i - 1;
        while (j >= 0 && caseIgnorable(cps[j])) {
            j--;
        }
        if (j < 0 || !cased(cps[j])) {
            return false;
        }
        int k = i + 1;
        while (k < cps.length && caseIgnorable(cps[k])) {
            k++;
        }
        return k == cps.length || !cased(cps[k]);
    }

    private static boolean cased(int cp) {
        return Character.isUpperCase(cp) || Character.isLowerCase(cp) || Character.isTitleCase(cp);
    }

    private static boolean caseIgnorable(int cp) {
        int t = Character.getType(cp);
        return t == Character.NON_SPACING_MARK || t == Character.ENCLOSING_MARK || t == Character.FORMAT
                || t == Character.MODIFIER_LETTER || t == Character.MODIFIER_SYMBOL
                || cp == '\'' || cp == '.' || cp == ':' || cp == '^' || cp == '`' || cp == 0xB7 || cp == 0x2018
                || cp == 0x2019 || cp == 0x2024 || cp == 0xFE52 || cp == 0xFF07 || cp == 0xFF0E;
    }

    static String charString(char c) {
        return c < 256 ? CHARS[c] : String.valueOf(c);
    }

    static boolean isBmp(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Length in code points. */
    public static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    static String substringCp(String s, int from, int to) {
        int a = s.offsetByCodePoints(0, from);
        int b = s.offsetByCodePoints(a, to - from);
        return s.substring(a, b);
    }

    static boolean isPrintable(int cp) {
        if (cp == ' ') {
            return true;
        }
        int t = Character.getType(cp);
        return switch (t) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    public static String repr(String s) {
        boolean hasSingle = s.indexOf('\'') >= 0;
        boolean hasDouble = s.indexOf('"') >= 0;
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        StringBuilder sb = new StringBuilder(s.length() + 2);
        sb.append(quote);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == quote || cp == '\\') {
                sb.append('\\').append((char) cp);
            } else if (cp == '\n') {
                sb.append("\\n");
            } else if (cp == '\r') {
                sb.append("\\r");
            } else if (cp == '\t') {
                sb.append("\\t");
            } else if (cp < 0x20 || cp == 0x7f) {
                sb.append(String.format("\\x%02x", cp));
            } else if (cp < 0x7f) {
                sb.append((char) cp);
            } else if (isPrintable(cp)) {
                sb.appendCodePoint(cp);
            } else if (cp <= 0xff) {
                sb.append(String.format("\\x%02x", cp));
            } else if (cp <= 0xffff) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.append(String.format("\\U%08x", cp));
            }
        }
        return sb.append(quote).toString();
    }

    static String bytesRepr(byte[] b) {
        boolean hasSingle = false;
        boolean hasDouble = false;
        for (byte x : b) {
            hasSingle |= x == '\'';
            hasDouble |= x == '"';
        }
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        StringBuilder sb = new StringBuilder("b").append(quote);
        for (byte x : b) {
            int c = x & 0xff;
            if (c == quote || c == '\\') {
                sb.append('\\').append((char) c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c < 0x20 || c >= 0x7f) {
                sb.append(String.format("\\x%02x", c));
            } else {
                sb.append((char) c);
            }
        }
        return sb.append(quote).toString();
    }

    static boolean isSpace(int cp) {
        return switch (cp) {
            case ' ', '\t', '\n', '\r', 0x0b, 0x0c, 0x1c, 0x1d, 0x1e, 0x1f, 0x85, 0xa0 -> true;
            default -> cp > 0xff && (Character.isWhitespace(cp) || Character.isSpaceChar(cp));
        };
    }

    // --- methods ----------------------------------------------------------------------------------------------

    private static String self(Object[] a, String method) {
        if (a.length == 0 || !(a[0] instanceof String s)) {
            throw Py.typeError("descriptor '" + method + "' for 'str' objects doesn't apply to a '"
                    + (a.length == 0 ? "NoneType" : Py.typeName(a[0])) + "' object");
        }
        return s;
    }

    /** How CPython's argument parser names a wrong argument's type: "None" for None. */
    static String badArgName(Object o) {
        return o == Py.None ? "None" : Py.typeName(o);
    }

    private static String strArg(Object o, String method, int pos) {
        if (o instanceof String s) {
            return s;
        }
        throw Py.typeError(method + "() argument " + pos + " must be str, not " + badArgName(o));
    }

    static void install(PyType t) {
        t.method("join", (th, a, kw) -> {
            String sep = self(a, "join");
            Args.check("str.join", java.util.Arrays.copyOfRange(a, 1, a.length), kw, 1, 1);
            Object it;
            try {
                it = a[1] instanceof PyList || a[1] instanceof PyTuple ? a[1] : Ops.iter(a[1]);
            } catch (PyError e) {
                if (e.exc.isA(Types.TYPE_ERROR)) {
                    throw Py.typeError("can only join an iterable");
                }
                throw e;
            }
            return IterTasks.withItems(th, it, items -> {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < items.length; i++) {
                    if (!(items[i] instanceof String s)) {
                        throw Py.typeError("sequence item " + i + ": expected str instance, "
                                + Py.typeName(items[i]) + " found");
                    }
                    if (i > 0) {
                        sb.append(sep);
                    }
                    sb.append(s);
                }
                return sb.toString();
            });
        });
        t.method("split", (th, a, kw) -> split(a, kw, false));
        t.method("rsplit", (th, a, kw) -> split(a, kw, true));
        t.method("splitlines", (th, a, kw) -> {
            Object[] p = Args.parse("splitlines", a, kw, 1, new String[] {"self", "keepends"}, Boolean.FALSE);
            String s = self(p, "splitlines");
            boolean keep = Ops.truthy(p[1]);
            PyList out = new PyList();
            int i = 0;
            int n = s.length();
            while (i < n) {
                int j = i;
                while (j < n && !isLineBreak(s.charAt(j))) {
                    j++;
                }
                int eol = j;
                if (j < n) {
                    if (s.charAt(j) == '\r' && j + 1 < n && s.charAt(j + 1) == '\n') {
                        j += 2;
                    } else {
                        j++;
                    }
                }
                out.append(s.substring(i, keep ? j : eol));
                i = j;
            }
            return out;
        });
        t.method("strip", (th, a, kw) -> strip(a, 3, "strip"));
        t.method("lstrip", (th, a, kw) -> strip(a, 1, "lstrip"));
        t.method("rstrip", (th, a, kw) -> strip(a, 2, "rstrip"));
        t.method("upper", (th, a, kw) -> self(a, "upper").toUpperCase(java.util.Locale.ROOT));
        t.method("lower", (th, a, kw) -> self(a, "lower").toLowerCase(java.util.Locale.ROOT));
        t.method("casefold", (th, a, kw) -> casefold(self(a, "casefold")));
        t.method("swapcase", (th, a, kw) -> {
            // full case mappings, as CPython: 'ß' becomes 'SS'
            StringBuilder sb = new StringBuilder();
            int[] cps = self(a, "swapcase").codePoints().toArray();
            for (int i = 0; i < cps.length; i++) {
                int cp = cps[i];
                String c = new String(Character.toChars(cp));
                if (cp == 0x3A3) {
                    sb.append(finalSigma(cps, i) ? 'ς' : 'σ');
                } else {
                    sb.append(Character.isUpperCase(cp) ? c.toLowerCase(java.util.Locale.ROOT)
                            : Character.isLowerCase(cp) ? c.toUpperCase(java.util.Locale.ROOT) : c);
                }
            }
            return sb.toString();
        });
        t.method("title", (th, a, kw) -> {
            StringBuilder sb = new StringBuilder();
            boolean prevCased = false;
            for (int cp : self(a, "title").codePoints().toArray()) {
                boolean cased = Character.isUpperCase(cp) || Character.isLowerCase(cp) || Character.isTitleCase(cp);
                if (cased) {
                    sb.appendCodePoint(prevCased ? Character.toLowerCase(cp) : Character.toTitleCase(cp));
                } else {
                    sb.appendCodePoint(cp);
                }
                prevCased = cased;
            }
            return sb.toString();
        });
        t.method("capitalize", (th, a, kw) -> {
            String s = self(a, "capitalize");
            if (s.isEmpty()) {
                return s;
            }
            int cp = s.codePointAt(0);
            return new String(Character.toChars(Character.toTitleCase(cp)))
                    + s.substring(Character.charCount(cp)).toLowerCase(java.util.Locale.ROOT);
        });
        t.method("replace", (th, a, kw) -> {
            Object[] p = Args.parse("replace", a, kw, 3, new String[] {"self", "old", "new", "count"}, Py.box(-1));
            String s = self(p, "replace");
            String old = strArg(p[1], "replace", 1);
            String nw = strArg(p[2], "replace", 2);
            long count = Ops.index(p[3]);
            if (count < 0) {
                return s.replace(old, nw);
            }
            StringBuilder sb = new StringBuilder();
            int i = 0;
            long done = 0;
            if (old.isEmpty()) {
                int[] cps = s.codePoints().toArray();
                for (int k = 0; k <= cps.length; k++) {
                    if (done < count) {
                        sb.append(nw);
                        done++;
                    }
                    if (k < cps.length) {
                        sb.appendCodePoint(cps[k]);
                    }
                }
                return sb.toString();
            }
            while (done < count) {
                int j = s.indexOf(old, i);
                if (j < 0) {
                    break;
                }
                sb.append(s, i, j).append(nw);
                i = j + old.length();
                done++;
            }
            return sb.append(s.substring(i)).toString();
        });
        t.method("startswith", (th, a, kw) -> affix(a, true));
        t.method("endswith", (th, a, kw) -> affix(a, false));
        t.method("find", (th, a, kw) -> Py.box(find(a, "find", false, false)));
        t.method("rfind", (th, a, kw) -> Py.box(find(a, "rfind", true, false)));
        t.method("index", (th, a, kw) -> Py.box(find(a, "index", false, true)));
        t.method("rindex", (th, a, kw) -> Py.box(find(a, "rindex", true, true)));
        t.method("count", (th, a, kw) -> {
            String s = self(a, "count");
            if (a.length < 2) {
                throw Py.typeError("count() takes at least 1 argument (0 given)");
            }
            if (a.length > 4) {
                throw Py.typeError("count expected at most 3 arguments, got " + (a.length - 1));
            }
            int[] range = range(s, a, 2);
            if (!(a[1] instanceof String sub)) {
                throw Py.typeError("must be str, not " + Py.typeName(a[1]));
            }
            String part = s.substring(range[0], Math.max(range[0], range[1]));
            if (range[0] > s.length()) {
                return Py.box(0);
            }
            if (sub.isEmpty()) {
                return Py.box(length(part) + 1);
            }
            int c = 0;
            int i = 0;
            while ((i = part.indexOf(sub, i)) >= 0) {
                c++;
                i += sub.length();
            }
            return Py.box(c);
        });
        t.method("ljust", (th, a, kw) -> justify(a, "ljust", 'l'));
        t.method("rjust", (th, a, kw) -> justify(a, "rjust", 'r'));
        t.method("center", (th, a, kw) -> justify(a, "center", 'c'));
        t.method("zfill", (th, a, kw) -> {
            Args.check("zfill", a, kw, 2, 2);
            String s = self(a, "zfill");
            int w = (int) Ops.index(a[1]);
            int n = length(s);
            if (n >= w) {
                return s;
            }
            String zeros = "0".repeat(w - n);
            if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
                return s.charAt(0) + zeros + s.substring(1);
            }
            return zeros + s;
        });
        t.method("isdigit", (th, a, kw) -> test(a, cp -> Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER
                || Character.getType(cp) == Character.OTHER_NUMBER && Character.getNumericValue(cp) >= 0
                && Character.getNumericValue(cp) <= 9));
        t.method("isdecimal", (th, a, kw) -> test(a, cp -> Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER));
        t.method("isnumeric", (th, a, kw) -> test(a, cp -> {
            int ty = Character.getType(cp);
            return ty == Character.DECIMAL_DIGIT_NUMBER || ty == Character.OTHER_NUMBER
                    || ty == Character.LETTER_NUMBER;
        }));
        t.method("isalpha", (th, a, kw) -> test(a, Character::isLetter));
        t.method("isalnum", (th, a, kw) -> test(a, Character::isLetterOrDigit));
        t.method("isspace", (th, a, kw) -> test(a, Strings::isSpace));
        t.method("isascii", (th, a, kw) -> {
            String s = self(a, "isascii");
            return Py.bool(s.chars().allMatch(c -> c < 128));
        });
        t.method("isprintable", (th, a, kw) -> Py.bool(self(a, "isprintable").codePoints()
                .allMatch(Strings::isPrintable)));
        t.method("isupper", (th, a, kw) -> caseTest(self(a, "isupper"), true));
        t.method("islower", (th, a, kw) -> caseTest(self(a, "islower"), false));
        t.method("istitle", (th, a, kw) -> {
            String s = self(a, "istitle");
            boolean prevCased = false;
            boolean any = false;
            for (int cp : s.codePoints().toArray()) {
                if (Character.isUpperCase(cp) || Character.isTitleCase(cp)) {
                    if (prevCased) {
                        return false;
                    }
                    prevCased = true;
                    any = true;
                } else if (Character.isLowerCase(cp)) {
                    if (!prevCased) {
                        return false;
                    }
                    prevCased = true;
                    any = true;
                } else {
                    prevCased = false;
                }
            }
            return Py.bool(any);
        });
        t.method("isidentifier", (th, a, kw) -> Py.bool(isIdentifier(self(a, "isidentifier"))));
        t.method("partition", (th, a, kw) -> partition(a, false));
        t.method("rpartition", (th, a, kw) -> partition(a, true));
        t.method("removeprefix", (th, a, kw) -> {
            String s = self(a, "removeprefix");
            if (!(a[1] instanceof String p)) {
                throw Py.typeError("removeprefix() argument must be str, not " + badArgName(a[1]));
            }
            return s.startsWith(p) ? s.substring(p.length()) : s;
        });
        t.method("translate", (th, a, kw) -> {
            String s = self(a, "translate");
            if (a.length != 2) {
                throw Py.typeError("str.translate() takes exactly one argument (" + (a.length - 1) + " given)");
            }
            StringBuilder sb = new StringBuilder();
            s.codePoints().forEach(cp -> {
                Object r;
                try {
                    r = Ops.getItem(a[1], Py.box(cp));
                } catch (PyError e) {
                    if (!e.exc.isA(Types.LOOKUP_ERROR)) {
                        throw e;
                    }
                    sb.appendCodePoint(cp);
                    return;
                }
                if (r == Py.None) {
                    return;
                }
                if (r instanceof String str) {
                    sb.append(str);
                } else if (Py.isInt(r)) {
                    java.math.BigInteger v = Ops.big(r);
                    if (v.signum() < 0 || v.compareTo(java.math.BigInteger.valueOf(0x10FFFF)) > 0) {
                        throw Py.valueError("character mapping must be in range(0x110000)");
                    }
                    sb.appendCodePoint(v.intValue());
                } else {
                    throw Py.typeError("character mapping must return integer, None or str");
                }
            });
            return sb.toString();
        });
        t.define("maketrans", new PyWrapper(PyBuiltin.function("maketrans", (th, a, kw) -> {
            if (kw != null && kw.length > 0) {
                throw Py.typeError("maketrans() takes no keyword arguments");
            }
            if (a.length < 1 || a.length > 3) {
                throw Py.typeError(a.length < 1 ? "maketrans expected at least 1 argument, got 0"
                        : "maketrans expected at most 3 arguments, got " + a.length);
            }
            PyDict out = new PyDict();
            if (a.length == 1) {
                if (!(a[0] instanceof PyDict d)) {
                    throw Py.typeError("if you give only one argument to maketrans it must be a dict");
                }
                for (Object k : d.keyList()) {
                    Object v = d.get(k);
                    if (k instanceof String ks) {
                        if (length(ks) != 1) {
                            throw Py.valueError("string keys in translate table must be of length 1");
                        }
                        out.put(Py.box(ks.codePointAt(0)), v);
                    } else if (Py.isInt(k)) {
                        out.put(k, v);
                    } else {
                        throw Py.typeError("keys in translate table must be strings or integers");
                    }
                }
                return out;
            }
            for (int i = 0; i < a.length; i++) {
                if (!(a[i] instanceof String)) {
                    throw Py.typeError("maketrans() argument " + (i + 1) + " must be str, not " + Py.typeName(a[i]));
                }
            }
            int[] x = ((String) a[0]).codePoints().toArray();
            int[] y = ((String) a[1]).codePoints().toArray();
            if (x.length != y.length) {
                throw Py.valueError("the first two maketrans arguments must have equal length");
            }
            for (int i = 0; i < x.length; i++) {
                out.put(Py.box(x[i]), Py.box(y[i]));
            }
            if (a.length == 3) {
                ((String) a[2]).codePoints().forEach(cp -> out.put(Py.box(cp), Py.None));
            }
            return out;
        }), false));
        t.method("removesuffix", (th, a, kw) -> {
            String s = self(a, "removesuffix");
            if (!(a[1] instanceof String p)) {
                throw Py.typeError("removesuffix() argument must be str, not " + badArgName(a[1]));
            }
            return s.endsWith(p) && !p.isEmpty() ? s.substring(0, s.length() - p.length()) : s;
        });
        t.method("expandtabs", (th, a, kw) -> {
            Object[] p = Args.parse("expandtabs", a, kw, 1, new String[] {"self", "tabsize"}, Py.box(8));
            String s = self(p, "expandtabs");
            int size = (int) Ops.index(p[1]);
            StringBuilder sb = new StringBuilder();
            int col = 0;
            for (char c : s.toCharArray()) {
                if (c == '\t') {
                    if (size > 0) {
                        int sp = size - col % size;
                        sb.append(" ".repeat(sp));
                        col += sp;
                    }
                } else if (c == '\n' || c == '\r') {
                    sb.append(c);
                    col = 0;
                } else {
                    sb.append(c);
                    col++;
                }
            }
            return sb.toString();
        });
        t.method("encode", (th, a, kw) -> {
            Object[] p = Args.parse("encode", a, kw, 1, new String[] {"self", "encoding", "errors"}, "utf-8",
                    "strict");
            if (!(p[1] instanceof String enc)) {
                throw Py.typeError("encode() argument 'encoding' must be str, not " + badArgName(p[1]));
            }
            if (!(p[2] instanceof String)) {
                throw Py.typeError("encode() argument 'errors' must be str, not " + badArgName(p[2]));
            }
            String codec = enc.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            String name = switch (codec) {
                case "utf-8", "utf8", "u8", "utf" -> "utf-8";
                case "ascii", "us-ascii" -> "ascii";
                case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1" -> "latin-1";
                default -> throw Py.error(Types.LOOKUP_ERROR, "unknown encoding: " + enc);
            };
            return encode(self(p, "encode"), name, (String) p[2]);
        });
        t.method("format", (th, a, kw) -> {
            String s = self(a, "format");
            int npos = a.length - 1 - (kw == null ? 0 : kw.length);
            Object[] pos = new Object[npos];
            System.arraycopy(a, 1, pos, 0, npos);
            PyDict named = new PyDict();
            if (kw != null) {
                for (int i = 0; i < kw.length; i++) {
                    named.put(kw[i], a[1 + npos + i]);
                }
            }
            return strFormat(s, pos, named);
        });
        t.method("format_map", (th, a, kw) -> strFormat(self(a, "format_map"), new Object[0], a[1]));
        t.method("__len__", (th, a, kw) -> Py.box(length(self(a, "__len__"))));
        t.method("__contains__", (th, a, kw) -> Py.bool(Ops.contains(a[0], a[1])));
        t.method("__getitem__", (th, a, kw) -> Ops.getItem(a[0], a[1]));
        t.method("__add__", (th, a, kw) -> Ops.builtinBinary(Ops.ADD, a[0], a[1], false));
        t.method("__mul__", (th, a, kw) -> Ops.builtinBinary(Ops.MUL, a[0], a[1], false));
        t.method("__mod__", (th, a, kw) -> Format.percent(self(a, "__mod__"), a[1]));
        // argument-count checks with CPython's messages, in front of the implementations above
        for (String m : new String[] {"upper", "lower", "casefold", "swapcase", "title", "capitalize", "isdigit",
                "isdecimal", "isnumeric", "isalpha", "isalnum", "isspace", "isascii", "isprintable", "isupper",
                "islower", "istitle", "isidentifier"}) {
            guard(t, m, 0, false);
        }
        for (String m : new String[] {"removeprefix", "removesuffix", "partition", "rpartition", "join", "zfill"}) {
            guard(t, m, 1, false);
        }
        guard(t, "__len__", 0, true);
        t.method("__add__", (th, a, kw) -> {
            if (a.length == 2 && !(a[1] instanceof String)) {
                throw Py.typeError("can only concatenate str (not \"" + Py.typeName(a[1]) + "\") to str");
            }
            return Ops.add(a[0], a[1]);
        });
        t.method("__mul__", (th, a, kw) -> {
            if (a.length != 2) {
                throw Py.typeError(" expected 1 argument, got " + (a.length - 1));
            }
            return Sequences.repeat(a[0], Py.box(Ops.index(a[1])), false);
        });
        for (String m : new String[] {"__contains__", "__getitem__", "__add__", "__mod__"}) {
            guard(t, m, 1, true);
        }
    }

    /**
     * Puts CPython's argument-count check in front of a method taking {@code n} (0 or 1) arguments: the messages
     * of C methods ({@code str.lower() takes no arguments (1 given)}) or of slot wrappers ({@code expected 1
     * argument, got 2}).
     */
    private static void guard(PyType t, String name, int n, boolean slot) {
        Native inner = ((PyBuiltin) t.dict.getStr(name)).fn;
        t.method(name, (th, a, kw) -> {
            int given = a.length - 1;
            if (kw != null && kw.length > 0) {
                throw Py.typeError(slot ? "wrapper " + name + "() takes no keyword arguments"
                        : "str." + name + "() takes no keyword arguments");
            }
            if (given != n) {
                if (slot) {
                    throw Py.typeError("expected " + n + (n == 1 ? " argument" : " arguments") + ", got " + given);
                }
                throw Py.typeError("str." + name + "() takes " + (n == 0 ? "no arguments" : "exactly one argument")
                        + " (" + given + " given)");
            }
            return inner.call(th, a, kw);
        });
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c == 0x1c || c == 0x1d || c == 0x1e || c == 0x85
                || c == 0x2028 || c == 0x2029;
    }

    private static Object caseTest(String s, boolean upper) {
        boolean cased = false;
        for (int cp : s.codePoints().toArray()) {
            if (upper ? Character.isLowerCase(cp) || Character.isTitleCase(cp) : Character.isUpperCase(cp)
                    || Character.isTitleCase(cp)) {
                return false;
            }
            if (upper ? Character.isUpperCase(cp) : Character.isLowerCase(cp)) {
                cased = true;
            }
        }
        return Py.bool(cased);
    }

    private static Object test(Object[] a, java.util.function.IntPredicate p) {
        String s = self(a, "test");
        return Py.bool(!s.isEmpty() && s.codePoints().allMatch(p));
    }

    private static Object split(Object[] a, String[] kw, boolean right) {
        String name = right ? "rsplit" : "split";
        Object[] p = Args.parse(name, a, kw, 1, new String[] {"self", "sep", "maxsplit"}, Py.None, Py.box(-1));
        String s = self(p, name);
        long max = Ops.index(p[2]);
        if (p[1] != Py.None && !(p[1] instanceof String)) {
            throw Py.typeError("must be str or None, not " + Py.typeName(p[1]));
        }
        if (max < 0) {
            max = Long.MAX_VALUE;
        }
        List<Object> out = new ArrayList<>();
        if (p[1] == Py.None) {
            if (!right) {
                int i = 0;
                int n = s.length();
                while (true) {
                    while (i < n && isSpace(s.charAt(i))) {
                        i++;
                    }
                    if (i >= n) {
                        break;
                    }
                    if (out.size() == max) {
                        out.add(s.substring(i));
                        break;
                    }
                    int j = i;
                    while (j < n && !isSpace(s.charAt(j))) {
                        j++;
                    }
                    out.add(s.substring(i, j));
                    i = j;
                }
            } else {
                int i = s.length();
                while (true) {
                    while (i > 0 && isSpace(s.charAt(i - 1))) {
                        i--;
                    }
                    if (i <= 0) {
                        break;
                    }
                    if (out.size() == max) {
                        out.add(s.substring(0, i));
                        break;
                    }
                    int j = i;
                    while (j > 0 && !isSpace(s.charAt(j - 1))) {
                        j--;
                    }
                    out.add(s.substring(j, i));
                    i = j;
                }
                java.util.Collections.reverse(out);
            }
            return PyList.of(out);
        }
        String sep = strArg(p[1], name, 1);
        if (sep.isEmpty()) {
            throw Py.valueError("empty separator");
        }
        if (!right) {
            int i = 0;
            while (out.size() < max) {
                int j = s.indexOf(sep, i);
                if (j < 0) {
                    break;
                }
                out.add(s.substring(i, j));
                i = j + sep.length();
            }
            out.add(s.substring(i));
        } else {
            int end = s.length();
            while (out.size() < max) {
                int j = s.lastIndexOf(sep, end - sep.length());
                if (j < 0) {
                    break;
                }
                out.add(s.substring(j + sep.length(), end));
                end = j;
            }
            out.add(s.substring(0, end));
            java.util.Collections.reverse(out);
        }
        return PyList.of(out);
    }

    private static Object strip(Object[] a, int which, String name) {
        String s = self(a, name);
        if (a.length > 2) {
            throw Py.typeError(name + " expected at most 1 argument, got " + (a.length - 1));
        }
        String chars = a.length > 1 && a[1] != Py.None ? null : "";
        if (chars == null && !(a[1] instanceof String)) {
            throw Py.typeError(name + " arg must be None or str");
        }
        String set = chars == null ? (String) a[1] : null;
        int i = 0;
        int j = s.length();
        if ((which & 1) != 0) {
            while (i < j && (set == null ? isSpace(s.charAt(i)) : set.indexOf(s.charAt(i)) >= 0)) {
                i++;
            }
        }
        if ((which & 2) != 0) {
            while (j > i && (set == null ? isSpace(s.charAt(j - 1)) : set.indexOf(s.charAt(j - 1)) >= 0)) {
                j--;
            }
        }
        return s.substring(i, j);
    }

    /** Start and end (char offsets) from optional start/end arguments at {@code a[from]}. */
    private static long sliceIndex(Object o) {
        if (!(o instanceof Long || o instanceof Boolean || o instanceof java.math.BigInteger)
                && Py.typeOf(o).lookup("__index__") == null) {
            throw Py.typeError("slice indices must be integers or None or have an __index__ method");
        }
        return Ops.clampIndex(o);
    }

    private static int[] range(String s, Object[] a, int from) {
        int n = length(s);
        long start = 0;
        long end = n;
        if (a.length > from && a[from] != Py.None) {
            start = sliceIndex(a[from]);
            if (start < 0) {
                start = Math.max(0, start + n);
            }
        }
        if (a.length > from + 1 && a[from + 1] != Py.None) {
            end = sliceIndex(a[from + 1]);
            if (end < 0) {
                end = Math.max(0, end + n);
            }
        }
        end = Math.min(end, n);
        if (start > n) {
            return new int[] {s.length() + 1, s.length()};
        }
        boolean bmp = isBmp(s);
        int cs = bmp ? (int) start : s.offsetByCodePoints(0, (int) start);
        int ce = end <= start ? cs : bmp ? (int) end : s.offsetByCodePoints(0, (int) end);
        return new int[] {cs, ce};
    }

    private static Object affix(Object[] a, boolean prefix) {
        String name = prefix ? "startswith" : "endswith";
        String s = self(a, name);
        if (a.length < 2) {
            throw Py.typeError(name + "() takes at least 1 argument (0 given)");
        }
        int[] r = range(s, a, 2);
        Object arg = a[1];
        if (arg instanceof PyTuple tuple) {
            for (Object o : tuple.items) {
                if (!(o instanceof String)) {
                    throw Py.typeError("tuple for " + name + " must only contain str, not " + Py.typeName(o));
                }
            }
        } else if (!(arg instanceof String)) {
            throw Py.typeError(name + " first arg must be str or a tuple of str, not " + Py.typeName(arg));
        }
        if (r[0] > s.length()) {
            return false;
        }
        String part = s.substring(r[0], Math.max(r[0], r[1]));
        if (arg instanceof PyTuple t) {
            for (Object o : t.items) {
                if (!(o instanceof String x)) {
                    throw Py.typeError("tuple for " + name + " must only contain str, not " + Py.typeName(o));
                }
                if (prefix ? part.startsWith(x) : part.endsWith(x)) {
                    return true;
                }
            }
            return false;
        }
        if (!(arg instanceof String x)) {
            throw Py.typeError(name + " first arg must be str or a tuple of str, not " + Py.typeName(arg));
        }
        return Py.bool(prefix ? part.startsWith(x) : part.endsWith(x));
    }

    private static long find(Object[] a, String name, boolean right, boolean raise) {
        String s = self(a, name);
        if (a.length < 2) {
            throw Py.typeError(name + "() takes at least 1 argument (0 given)");
        }
        if (a.length > 4) {
            throw Py.typeError(name + " expected at most 3 arguments, got " + (a.length - 1));
        }
        int[] r = range(s, a, 2); // CPython converts the slice bounds before checking the substring
        if (!(a[1] instanceof String sub)) {
            throw Py.typeError("must be str, not " + Py.typeName(a[1]));
        }
        long idx = -1;
        if (r[0] <= s.length() && r[1] - r[0] >= sub.length()) {
            String part = s.substring(r[0], r[1]);
            int i = right ? part.lastIndexOf(sub) : part.indexOf(sub);
            if (i >= 0) {
                idx = s.codePointCount(0, r[0] + i);
            }
        }
        if (idx < 0 && raise) {
            throw Py.valueError("substring not found");
        }
        return idx;
    }

    private static Object justify(Object[] a, String name, char how) {
        String s = self(a, name);
        if (a.length < 2) {
            throw Py.typeError(name + " expected at least 1 argument, got 0");
        }
        if (a.length > 3) {
            throw Py.typeError(name + " expected at most 2 arguments, got " + (a.length - 1));
        }
        int w = (int) Ops.index(a[1]);
        String fill = " ";
        if (a.length > 2) {
            if (!(a[2] instanceof String f)) {
                throw Py.typeError("The fill character must be a unicode character, not " + Py.typeName(a[2]));
            }
            if (length(f) != 1) {
                throw Py.typeError("The fill character must be exactly one character long");
            }
            fill = f;
        }
        int n = length(s);
        if (n >= w) {
            return s;
        }
        int pad = w - n;
        return switch (how) {
            case 'l' -> s + fill.repeat(pad);
            case 'r' -> fill.repeat(pad) + s;
            default -> {
                int left = pad / 2 + (pad & w & 1);
                yield fill.repeat(left) + s + fill.repeat(pad - left);
            }
        };
    }

    private static Object partition(Object[] a, boolean right) {
        String s = self(a, right ? "rpartition" : "partition");
        if (!(a[1] instanceof String sep)) {
            throw Py.typeError("must be str, not " + Py.typeName(a[1]));
        }
        if (sep.isEmpty()) {
            throw Py.valueError("empty separator");
        }
        int i = right ? s.lastIndexOf(sep) : s.indexOf(sep);
        if (i < 0) {
            return right ? PyTuple.of("", "", s) : PyTuple.of(s, "", "");
        }
        return PyTuple.of(s.substring(0, i), sep, s.substring(i + sep.length()));
    }

    /** {@code str.format}. */
    static String strFormat(String fmt, Object[] pos, Object named) {
        return strFormat(fmt, pos, named, new int[2], 2);
    }

    /**
     * {@code numbering} is shared with the format specs nested in the fields: the next automatic field number
     * and whether fields were numbered automatically (1) or by hand (2); {@code depth} is how many more levels of
     * nested specs CPython allows.
     */
    private static String strFormat(String fmt, Object[] pos, Object named, int[] numbering, int depth) {
        if (depth <= 0) {
            throw Py.valueError("Max string recursion exceeded");
        }
        StringBuilder sb = new StringBuilder();
        int n = fmt.length();
        int i = 0;
        while (i < n) {
            char c = fmt.charAt(i);
            if (c == '{') {
                if (i + 1 < n && fmt.charAt(i + 1) == '{') {
                    sb.append('{');
                    i += 2;
                    continue;
                }
                if (i + 1 == n) {
                    throw Py.valueError("Single '{' encountered in format string");
                }
                // CPython's parse_field: the name runs to '}', ':' or '!' (skipping [...]), then a conversion,
                // then a spec up to the '}' that balances the braces opened in it
                int j = i + 1;
                char last = 0;
                boolean ended = false;
                while (j < n) {
                    last = fmt.charAt(j++);
                    if (last == '{') {
                        throw Py.valueError("unexpected '{' in field name");
                    }
                    if (last == '[') {
                        while (j < n && fmt.charAt(j) != ']') {
                            j++;
                        }
                        continue;
                    }
                    if (last == '}' || last == ':' || last == '!') {
                        ended = true;
                        break;
                    }
                }
                if (!ended && last != ':' && last != '!') {
                    throw Py.valueError("expected '}' before end of string");
                }
                String name = fmt.substring(i + 1, j - 1);
                String spec = "";
                String specSource = null;
                int conv = -1;
                if (last == '!' || last == ':') {
                    boolean specFollows = true;
                    if (last == '!') {
                        if (j >= n) {
                            throw Py.valueError("end of string while looking for conversion specifier");
                        }
                        conv = fmt.charAt(j++);
                        if (j < n) {
                            char after = fmt.charAt(j++);
                            if (after == '}') {
                                specFollows = false;
                            } else if (after != ':') {
                                throw Py.valueError("expected ':' after conversion specifier");
                            }
                        }
                    }
                    if (specFollows) {
                        int specStart = j;
                        int open = 1;
                        while (j < n && open > 0) {
                            char sc = fmt.charAt(j++);
                            if (sc == '{') {
                                open++;
                            } else if (sc == '}') {
                                open--;
                            }
                        }
                        if (open > 0) {
                            throw Py.valueError("unmatched '{' in format spec");
                        }
                        specSource = fmt.substring(specStart, j - 1);
                    }
                }
                i = j;
                int dot = name.length();
                for (int k = 0; k < name.length(); k++) {
                    if (name.charAt(k) == '.' || name.charAt(k) == '[') {
                        dot = k;
                        break;
                    }
                }
                String first = name.substring(0, dot);
                Object value;
                if (first.isEmpty()) {
                    if (numbering[1] == 2) {
                        throw Py.valueError("cannot switch from manual field specification to automatic field "
                                + "numbering");
                    }
                    numbering[1] = 1;
                    int auto = numbering[0]++;
                    if (auto >= pos.length) {
                        throw Py.indexError("Replacement index " + auto + " out of range for positional args tuple");
                    }
                    value = pos[auto];
                } else if (first.chars().allMatch(Character::isDigit)) {
                    if (numbering[1] == 1) {
                        throw Py.valueError("cannot switch from automatic field numbering to manual field "
                                + "specification");
                    }
                    numbering[1] = 2;
                    int idx = Integer.parseInt(first);
                    if (idx >= pos.length) {
                        throw Py.indexError("Replacement index " + idx + " out of range for positional args tuple");
                    }
                    value = pos[idx];
                } else {
                    value = Ops.getItem(named, first);
                }
                String rest = name.substring(dot);
                while (!rest.isEmpty()) {
                    if (rest.charAt(0) == '.') {
                        int k = 1;
                        while (k < rest.length() && rest.charAt(k) != '.' && rest.charAt(k) != '[') {
                            k++;
                        }
                        if (k == 1) {
                            throw Py.valueError("Empty attribute in format string");
                        }
                        value = Ops.getAttr(value, rest.substring(1, k));
                        rest = rest.substring(k);
                    } else {
                        int k = rest.indexOf(']');
                        if (k < 0) {
                            throw Py.valueError("Missing ']' in format string");
                        }
                        if (k == 1) {
                            throw Py.valueError("Empty attribute in format string");
                        }
                        if (k + 1 < rest.length() && rest.charAt(k + 1) != '.' && rest.charAt(k + 1) != '[') {
                            throw Py.valueError("Only '.' or '[' may follow ']' in format field specifier");
                        }
                        String key = rest.substring(1, k);
                        Object keyObj = key.chars().allMatch(Character::isDigit) && !key.isEmpty()
                                ? (Object) Py.box(Long.parseLong(key)) : key;
                        value = Ops.getItem(value, keyObj);
                        rest = rest.substring(k + 1);
                    }
                }
                if (conv == 'r') {
                    value = Ops.repr(value);
                } else if (conv == 's') {
                    value = Ops.str(value);
                } else if (conv == 'a') {
                    value = Builtins.ascii(Ops.repr(value));
                } else if (conv != -1) {
                    throw Py.valueError("Unknown conversion specifier " + (char) conv);
                }
                if (specSource != null) {
                    // expanded (when it has fields) after the field's own value, so that its automatic numbers
                    // come after the field's
                    spec = specSource.indexOf('{') >= 0 ? strFormat(specSource, pos, named, numbering, depth - 1)
                            : specSource;
                }
                sb.append(Format.format(value, spec));
            } else if (c == '}') {
                if (i + 1 < n && fmt.charAt(i + 1) == '}') {
                    sb.append('}');
                    i += 2;
                    continue;
                }
                throw Py.valueError("Single '}' encountered in format string");
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }

    static boolean isIdentifier(String s) {
        if (s.isEmpty() || !(Character.isUnicodeIdentifierStart(s.codePointAt(0)) || s.charAt(0) == '_')) {
            return false;
        }
        return s.codePoints().allMatch(cp -> Character.isUnicodeIdentifierPart(cp) || cp == '_');
    }

    /**
     * {@code str.encode} with codec "utf-8", "ascii" or "latin-1": characters the codec cannot take (and
     * surrogates in UTF-8) go to the error handler, one run of consecutive ones at a time as in CPython.
     */
    static byte[] encode(String s, String codec, String errors) {
        int[] cps = s.codePoints().toArray();
        int limit = codec.equals("ascii") ? 0x80 : codec.equals("latin-1") ? 0x100 : Integer.MAX_VALUE;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < cps.length; ) {
            int cp = cps[i];
            if (encodable(cp, limit)) {
                byte[] b = limit == Integer.MAX_VALUE ? new String(Character.toChars(cp))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8) : new byte[] {(byte) cp};
                out.writeBytes(b);
                i++;
                continue;
            }
            int end = i;
            while (end < cps.length && !encodable(cps[end], limit)) {
                end++;
            }
            String reason = limit == Integer.MAX_VALUE ? "surrogates not allowed"
                    : "ordinal not in range(" + limit + ")";
            for (int j = i; j < end; j++) {
                int c = cps[j];
                String text = switch (errors) {
                    case "strict" -> throw encodeError(codec, s, i, end, reason);
                    case "ignore" -> "";
                    case "replace" -> "?";
                    case "xmlcharrefreplace" -> "&#" + c + ";";
                    case "backslashreplace" -> c < 0x100 ? String.format("\\x%02x", c)
                            : c < 0x10000 ? String.format("\\u%04x", c) : String.format("\\U%08x", c);
                    default -> throw Py.error(Types.LOOKUP_ERROR, "unknown error handler name '" + errors + "'");
                };
                out.writeBytes(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            i = end;
        }
        return out.toByteArray();
    }

    private static boolean encodable(int cp, int limit) {
        return cp < limit && !(limit == Integer.MAX_VALUE && cp >= 0xD800 && cp <= 0xDFFF);
    }

    private static PyError encodeError(String codec, String s, int start, int end, String reason) {
        PyBaseException e = new PyBaseException(Types.UNICODE_ENCODE_ERROR,
                PyTuple.of(codec, s, Py.box(start), Py.box(end), reason));
        return new PyError(e);
    }

    /** The message of a UnicodeEncodeError made from (encoding, object, start, end, reason). */
    static String encodeErrorMessage(PyBaseException e) {
        Object[] a = e.args.items;
        if (a.length != 5 || !(a[1] instanceof String s) || !(a[2] instanceof Long start)
                || !(a[3] instanceof Long end)) {
            return Repr.exceptionStr(e);
        }
        int[] cps = s.codePoints().toArray();
        if (end == start + 1 && start < cps.length) {
            int c = cps[start.intValue()];
            String ch = c < 0x100 ? String.format("\\x%02x", c) : c < 0x10000 ? String.format("\\u%04x", c)
                    : String.format("\\U%08x", c);
            return "'" + a[0] + "' codec can't encode character '" + ch + "' in position " + start + ": " + a[4];
        }
        return "'" + a[0] + "' codec can't encode characters in position " + start + "-" + (end - 1) + ": " + a[4];
    }
}
