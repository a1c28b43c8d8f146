package dev.loopscope.python.runtime;

import java.math.BigInteger;

/** The format-spec mini-language ({@code format()}, f-strings, {@code str.format}) and {@code %} formatting. */
public final class Format {

    private Format() {
    }

    /** A parsed format spec: {@code [[fill]align][sign][z][#][0][width][grouping][.precision][type]}. */
    record Spec(char fill, char align, char sign, boolean z, boolean alt, boolean zero, int width, char grouping,
                int precision, char type) {}

    static Spec parse(String s, Object value) {
        int i = 0;
        int n = s.length();
        char fill = ' ';
        char align = 0;
        boolean explicitFill = false;
        if (n >= 2 && "<>=^".indexOf(s.charAt(1)) >= 0) {
            fill = s.charAt(0);
            align = s.charAt(1);
            explicitFill = true;
            i = 2;
        } else if (n >= 1 && "<>=^".indexOf(s.charAt(0)) >= 0) {
            align = s.charAt(0);
            i = 1;
        }
        char sign = 0;
        if (i < n && "+- ".indexOf(s.charAt(i)) >= 0) {
            sign = s.charAt(i++);
        }
        boolean z = false;
        if (i < n && s.charAt(i) == 'z') {
            z = true;
            i++;
        }
        boolean alt = false;
        if (i < n && s.charAt(i) == '#') {
            alt = true;
            i++;
        }
        boolean zero = false;
        if (i < n && s.charAt(i) == '0') {
            zero = true;
            i++;
        }
        int width = -1;
        int start = i;
        while (i < n && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i > start) {
            width = parseSize(s.substring(start, i));
        }
        char grouping = 0;
        if (i < n && (s.charAt(i) == ',' || s.charAt(i) == '_')) {
            grouping = s.charAt(i++);
            if (i < n && (s.charAt(i) == ',' || s.charAt(i) == '_')) {
                throw Py.valueError("Cannot specify both ',' and '_'.");
            }
        }
        int precision = -1;
        if (i < n && s.charAt(i) == '.') {
            i++;
            start = i;
            while (i < n && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (i == start) {
                throw Py.valueError("Format specifier missing precision");
            }
            precision = parseSize(s.substring(start, i));
        }
        char type = 0;
        if (i < n) {
            type = s.charAt(i++);
        }
        if (i < n) {
            throw Py.valueError("Invalid format specifier '" + s + "' for object of type '" + Py.typeName(value)
                    + "'");
        }
        if (grouping != 0 && "defgEFG%".indexOf(type) < 0 && type != 0
                && !(grouping == '_' && "boxX".indexOf(type) >= 0)) {
            // CPython rejects the combination while parsing, before the type of the value is looked at
            throw Py.valueError("Cannot specify '" + grouping + "' with "
                    + (type > 32 && type < 128 ? "'" + type + "'." : "'\\x" + Integer.toHexString(type) + "'."));
        }
        if (zero && !explicitFill) {
            fill = '0';
            // strings align left by default, and a leading 0 keeps that alignment for them
            if (align == 0 && !(value instanceof String)) {
                align = '=';
            }
        }
        return new Spec(fill, align, sign, z, alt, zero, width, grouping, precision, type);
    }

    private static int parseSize(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw Py.valueError("Too many decimal digits in format string");
        }
    }

    /** {@code format(value, spec)}. */
    public static String format(Object value, String spec) {
        if (value instanceof String s) {
            return spec.isEmpty() ? s : formatStr(s, parse(spec, value));
        }
        if (value instanceof Boolean b) {
            if (spec.isEmpty()) {
                return b ? "True" : "False";
            }
            return formatInt(Py.box(b ? 1 : 0), parse(spec, value), value);
        }
        if (value instanceof Long || value instanceof BigInteger) {
            if (spec.isEmpty()) {
                return Repr.repr(value);
            }
            return formatInt(value, parse(spec, value), value);
        }
        if (value instanceof Double d) {
            if (spec.isEmpty()) {
                return FloatFormat.repr(d);
            }
            return formatFloat(d, parse(spec, value), value);
        }
        PyType t = Py.typeOf(value);
        Object m = t.lookup("__format__");
        if (m != null && m != Builtins.OBJECT_FORMAT) {
            return Repr.checkStr(Ops.call(Attributes.bind(m, value, t), spec), "__format__");
        }
        if (!spec.isEmpty()) {
            throw Py.typeError("unsupported format string passed to " + t.name + ".__format__");
        }
        return Ops.str(value);
    }

    static String formatStr(String s, Spec sp) {
        if (sp.type != 0 && sp.type != 's') {
            throw unknownCode(sp.type, s);
        }
        // CPython checks in this order: grouping (while parsing), '=', sign, z, #
        if (sp.grouping != 0) {
            throw Py.valueError("Cannot specify '" + sp.grouping + "' with 's'.");
        }
        if (sp.align == '=') {
            throw Py.valueError("'=' alignment not allowed in string format specifier");
        }
        if (sp.sign == ' ') {
            throw Py.valueError("Space not allowed in string format specifier");
        }
        if (sp.sign != 0) {
            throw Py.valueError("Sign not allowed in string format specifier");
        }
        if (sp.z) {
            throw Py.valueError("Negative zero coercion (z) not allowed in string format specifier");
        }
        if (sp.alt) {
            throw Py.valueError("Alternate form (#) not allowed in string format specifier");
        }
        if (sp.precision >= 0 && sp.precision < Strings.length(s)) {
            s = Strings.substringCp(s, 0, sp.precision);
        }
        return pad("", s, sp, '<');
    }

    static PyError unknownCode(char type, Object value) {
        return Py.valueError("Unknown format code '" + type + "' for object of type '" + Py.typeName(value) + "'");
    }

    static String formatInt(Object v, Spec sp, Object original) {
        char type = sp.type;
        if ("eEfFgG%".indexOf(type) >= 0 && type != 0) {
            return formatFloat(Ops.toDouble(v), sp, original);
        }
        if (type != 0 && "bcdoxXn".indexOf(type) < 0) {
            throw unknownCode(type, original);
        }
        if (sp.precision >= 0) {
            throw Py.valueError("Precision not allowed in integer format specifier");
        }
        if (sp.z) {
            throw Py.valueError("Negative zero coercion (z) not allowed in integer format specifier");
        }
        if (sp.grouping == ',' && "bcoxXn".indexOf(type) >= 0 && type != 0) {
            throw Py.valueError("Cannot specify ',' with '" + type + "'.");
        }
        if (sp.grouping == '_' && (type == 'n' || type == 'c')) {
            throw Py.valueError("Cannot specify '_' with '" + type + "'.");
        }
        BigInteger b = Ops.big(v);
        boolean neg = b.signum() < 0;
        b = b.abs();
        String digits;
        String prefix = "";
        int groupSize = 3;
        switch (type) {
            case 'b' -> {
                digits = b.toString(2);
                prefix = sp.alt ? "0b" : "";
                groupSize = 4;
            }
            case 'o' -> {
                digits = b.toString(8);
                prefix = sp.alt ? "0o" : "";
                groupSize = 4;
            }
            case 'x' -> {
                digits = b.toString(16);
                prefix = sp.alt ? "0x" : "";
                groupSize = 4;
            }
            case 'X' -> {
                digits = b.toString(16).toUpperCase();
                prefix = sp.alt ? "0X" : "";
                groupSize = 4;
            }
            case 'c' -> {
                if (sp.sign != 0) {
                    throw Py.valueError("Sign not allowed with integer format specifier 'c'");
                }
                if (sp.alt) {
                    throw Py.valueError("Alternate form (#) not allowed with integer format specifier 'c'");
                }
                if (Ops.big(v).bitLength() > 63) {
                    throw Py.overflowError("Python int too large to convert to C long");
                }
                long cp = Ops.big(v).longValue();
                if (cp < 0 || cp > 0x10ffff) {
                    throw Py.overflowError("%c arg not in range(0x110000)");
                }
                return pad("", new String(Character.toChars((int) cp)), sp, '<');
            }
            default -> {
                Repr.checkStrDigits(b);
                digits = b.toString();
            }
        }
        String signStr = neg ? "-" : sp.sign == '+' ? "+" : sp.sign == ' ' ? " " : "";
        return padNumber(signStr + prefix, digits, "", sp, groupSize);
    }

    static String formatFloat(double x, Spec sp, Object original) {
        char type = sp.type;
        if (type != 0 && "eEfFgGn%".indexOf(type) < 0) {
            throw unknownCode(type, original);
        }
        if (sp.grouping != 0 && type == 'n') {
            throw Py.valueError("Cannot specify '" + sp.grouping + "' with 'n'.");
        }
        boolean neg = x < 0 || (x == 0.0 && 1.0 / x < 0);
        double a = Math.abs(x);
        String body;
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            body = Double.isNaN(x) ? "nan" : "inf";
            if (type == 'E' || type == 'F' || type == 'G') {
                body = body.toUpperCase();
            }
            boolean negInf = !Double.isNaN(x) && x < 0;
            String signStr = negInf ? "-" : sp.sign == '+' ? "+" : sp.sign == ' ' ? " " : "";
            Spec plain = new Spec(sp.fill, sp.align, sp.sign, sp.z, sp.alt, sp.zero, sp.width, (char) 0,
                    sp.precision, type);
            return padNumber(signStr, body, type == '%' ? "%" : "", plain, 3);
        }
        int p = sp.precision;
        String suffix = "";
        switch (type) {
            case 'f', 'F' -> body = FloatFormat.fixedPrecision(a, p < 0 ? 6 : p);
            case '%' -> {
                double pct = a * 100;
                body = Double.isInfinite(pct) ? "inf" : FloatFormat.fixedPrecision(pct, p < 0 ? 6 : p);
                suffix = "%";
            }
            case 'e', 'E' -> body = FloatFormat.sciPrecision(a, p < 0 ? 6 : p, sp.alt);
            case 'g', 'G', 'n' -> body = FloatFormat.general(a, p < 0 ? 6 : p, sp.alt, false);
            default -> {
                if (p < 0) {
                    if (a == 0.0) {
                        body = "0.0";
                    } else {
                        FloatFormat.Digits dg = FloatFormat.shortest(a);
                        body = FloatFormat.layoutShort(dg.digits(), dg.decpt(), true);
                        int e = body.indexOf('e');
                        if (sp.alt && e >= 0 && body.lastIndexOf('.', e) < 0) {
                            body = body.substring(0, e) + "." + body.substring(e);
                        }
                    }
                } else {
                    body = FloatFormat.general(a, p, sp.alt, true);
                }
            }
        }
        if (type == 'E' || type == 'G') {
            body = body.toUpperCase();
        }
        if (sp.alt && (type == 'f' || type == 'F' || type == '%') && body.indexOf('.') < 0) {
            body = body + ".";
        }
        if (neg && sp.z && isZeroText(body)) {
            neg = false;
        }
        String signStr = neg ? "-" : sp.sign == '+' ? "+" : sp.sign == ' ' ? " " : "";
        int cut = body.length();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '.' || c == 'e' || c == 'E') {
                cut = i;
                break;
            }
        }
        return padNumber(signStr, body.substring(0, cut), body.substring(cut) + suffix, sp, 3);
    }

    private static boolean isZeroText(String body) {
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c >= '1' && c <= '9') {
                return false;
            }
            if (c == 'e' || c == 'E') {
                break;
            }
        }
        return true;
    }

    /** Lays out sign+prefix, grouped integer digits and the rest (fraction, exponent) to the spec's width. */
    private static String padNumber(String signPrefix, String intDigits, String rest, Spec sp, int groupSize) {
        char sepChar = sp.grouping;
        if (sp.align == '=' && sp.fill == '0' && sp.width > 0) {
            // zero padding goes between the sign and the digits, and is grouped like the digits
            int target = sp.width - signPrefix.length() - rest.length();
            String grouped = sepChar != 0 ? groupZeroPadded(intDigits, target, sepChar, groupSize)
                    : (intDigits.length() < target ? "0".repeat(target - intDigits.length()) + intDigits
                    : intDigits);
            return signPrefix + grouped + rest;
        }
        String grouped = sepChar != 0 ? group(intDigits, sepChar, groupSize) : intDigits;
        if (sp.align == '=') {
            int len = signPrefix.length() + grouped.length() + rest.length();
            if (sp.width > len) {
                return signPrefix + String.valueOf(sp.fill).repeat(sp.width - len) + grouped + rest;
            }
            return signPrefix + grouped + rest;
        }
        return pad(signPrefix, grouped + rest, sp, '>');
    }

    static String group(String digits, char sep, int size) {
        StringBuilder sb = new StringBuilder();
        int n = digits.length();
        for (int i = 0; i < n; i++) {
            if (i > 0 && (n - i) % size == 0) {
                sb.append(sep);
            }
            sb.append(digits.charAt(i));
        }
        return sb.toString();
    }

    private static String groupZeroPadded(String digits, int target, char sep, int size) {
        String g = group(digits, sep, size);
        int n = digits.length();
        while (g.length() < target) {
            n++;
            String padded = "0".repeat(n - digits.length()) + digits;
            g = group(padded, sep, size);
        }
        if (g.charAt(0) == sep) {
            g = "0" + g;
        }
        return g;
    }

    private static String pad(String sign, String body, Spec sp, char defaultAlign) {
        int len = Strings.length(sign) + Strings.length(body);
        if (sp.width <= len) {
            return sign + body;
        }
        int padLen = sp.width - len;
        String fill = String.valueOf(sp.fill);
        char align = sp.align == 0 ? defaultAlign : sp.align;
        return switch (align) {
            case '<' -> sign + body + fill.repeat(padLen);
            case '^' -> fill.repeat(padLen / 2) + sign + body + fill.repeat(padLen - padLen / 2);
            case '=' -> sign + fill.repeat(padLen) + body;
            default -> fill.repeat(padLen) + sign + body;
        };
    }

    // --- printf-style ---------------------------------------------------------------------------------------

    /** {@code fmt % args}. */
    static String percent(String fmt, Object args) {
        Object[] items;
        PyDict mapping = null;
        if (args instanceof PyTuple t) {
            items = t.items;
        } else {
            items = new Object[] {args};
            if (args instanceof PyDict d) {
                mapping = d;
            }
        }
        int argi = 0;
        StringBuilder sb = new StringBuilder();
        int n = fmt.length();
        int i = 0;
        while (i < n) {
            char c = fmt.charAt(i++);
            if (c != '%') {
                sb.append(c);
                continue;
            }
            if (i >= n) {
                throw Py.valueError("incomplete format");
            }
            int specStart = i;
            Object key = null;
            if (fmt.charAt(i) == '(') {
                int depth = 1;
                int start = ++i;
                while (i < n && depth > 0) {
                    if (fmt.charAt(i) == '(') {
                        depth++;
                    } else if (fmt.charAt(i) == ')') {
                        depth--;
                    }
                    i++;
                }
                if (depth > 0) {
                    throw Py.valueError("incomplete format key");
                }
                key = fmt.substring(start, i - 1);
                if (mapping == null) {
                    throw Py.typeError("format requires a mapping");
                }
            }
            StringBuilder flags = new StringBuilder();
            while (i < n && "-+ #0".indexOf(fmt.charAt(i)) >= 0) {
                flags.append(fmt.charAt(i++));
            }
            int width = -1;
            if (i < n && fmt.charAt(i) == '*') {
                i++;
                width = (int) Ops.index(items[argi++]);
            } else {
                int s = i;
                while (i < n && Character.isDigit(fmt.charAt(i))) {
                    i++;
                }
                if (i > s) {
                    width = Integer.parseInt(fmt.substring(s, i));
                }
            }
            int prec = -1;
            if (i < n && fmt.charAt(i) == '.') {
                i++;
                if (i < n && fmt.charAt(i) == '*') {
                    i++;
                    prec = (int) Ops.index(items[argi++]);
                } else {
                    int s = i;
                    while (i < n && Character.isDigit(fmt.charAt(i))) {
                        i++;
                    }
                    prec = i > s ? Integer.parseInt(fmt.substring(s, i)) : 0;
                }
            }
            while (i < n && "hlL".indexOf(fmt.charAt(i)) >= 0) {
                i++;
            }
            if (i >= n) {
                throw Py.valueError("incomplete format");
            }
            char conv = fmt.charAt(i++);
            if (conv == '%' && i - 1 == specStart) {
                sb.append('%'); // only "%%" itself: with a key, flags or width '%' is an unsupported conversion
                continue;
            }
            Object v;
            if (key != null) {
                v = mapping.get(key);
                if (v == null) {
                    throw Py.keyError(key);
                }
                argi = items.length; // as in CPython, a keyed value leaves no positional argument after it
            } else {
                if (argi >= items.length) {
                    throw Py.typeError("not enough arguments for format string");
                }
                v = items[argi++];
            }
            String f = flags.toString();
            String body;
            boolean numeric = false;
            switch (conv) {
                case 's' -> body = Ops.str(v);
                case 'r' -> body = Ops.repr(v);
                case 'a' -> body = Builtins.ascii(Ops.repr(v));
                case 'd', 'i', 'u' -> {
                    if (!Ops.isNumber(v) && !(v instanceof PyInstance)) {
                        throw Py.typeError("%" + conv + " format: a real number is required, not " + Py.typeName(v));
                    }
                    Object iv = v instanceof Double d ? Builtins.floatToInt(d) : Ops.intValue(v);
                    body = formatInt(iv, new Spec(' ', '>', signFlag(f), false, false, false, -1, (char) 0, -1, 'd'),
                            v);
                    numeric = true;
                }
                case 'x', 'X', 'o' -> {
                    if (!Py.isInt(v)) {
                        throw Py.typeError("%" + conv + " format: an integer is required, not " + Py.typeName(v));
                    }
                    body = formatInt(Ops.intValue(v), new Spec(' ', '>', signFlag(f), false, f.contains("#"), false,
                            -1, (char) 0, -1, conv), v);
                    numeric = true;
                }
                case 'e', 'E', 'f', 'F', 'g', 'G' -> {
                    if (!Ops.isNumber(v)) {
                        throw Py.typeError("must be real number, not " + Py.typeName(v));
                    }
                    body = formatFloat(Ops.toDouble(v), new Spec(' ', '>', signFlag(f), false, f.contains("#"),
                            false, -1, (char) 0, prec < 0 ? 6 : prec, conv), v);
                    numeric = true;
                }
                case 'c' -> {
                    if (v instanceof String s && Strings.length(s) == 1) {
                        body = s;
                    } else if (Py.isInt(v)) {
                        BigInteger cp = Ops.big(v);
                        if (cp.signum() < 0 || cp.compareTo(BigInteger.valueOf(0x10FFFF)) > 0) {
                            throw Py.overflowError("%c arg not in range(0x110000)");
                        }
                        body = new String(Character.toChars(cp.intValue()));
                    } else {
                        throw Py.typeError("%c requires int or char");
                    }
                }
                default -> throw Py.valueError("unsupported format character '" + conv + "' (0x"
                        + Integer.toHexString(conv) + ") at index " + (i - 1));
            }
            if ((conv == 's' || conv == 'r' || conv == 'a') && prec >= 0 && prec < body.length()) {
                body = body.substring(0, prec);
            }
            if ("diuxXo".indexOf(conv) >= 0 && prec > 0) {
                // for integers the precision is the minimum number of digits
                int digitsAt = prefixLength(body);
                int digits = body.length() - digitsAt;
                if (digits < prec) {
                    body = body.substring(0, digitsAt) + "0".repeat(prec - digits) + body.substring(digitsAt);
                }
            }
            if (width > body.length()) {
                int padLen = width - body.length();
                if (f.contains("-")) {
                    body = body + " ".repeat(padLen);
                } else if (f.contains("0") && numeric) {
                    int signLen = prefixLength(body);
                    body = body.substring(0, signLen) + "0".repeat(padLen) + body.substring(signLen);
                } else {
                    body = " ".repeat(padLen) + body;
                }
            }
            sb.append(body);
        }
        if (mapping == null && argi < items.length) {
            throw Py.typeError("not all arguments converted during string formatting");
        }
        return sb.toString();
    }

    /** The length of the sign and the 0x/0X/0o prefix at the start of a formatted number. */
    private static int prefixLength(String body) {
        int n = body.startsWith("-") || body.startsWith("+") || body.startsWith(" ") ? 1 : 0;
        if (body.startsWith("0x", n) || body.startsWith("0X", n) || body.startsWith("0o", n)) {
            n += 2;
        }
        return n;
    }

    private static char signFlag(String flags) {
        return flags.contains("+") ? '+' : flags.contains(" ") ? ' ' : 0;
    }
}
