package dev.loopscope.python.runtime;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Float to text as CPython does it: {@code repr} uses the shortest digit string that reads back to the same
 * float; fixed precisions round the exact binary value half-to-even.
 */
final class FloatFormat {

    private FloatFormat() {
    }

    /** Decimal digits (no leading or trailing zeros) and the decimal point position: value = 0.DIGITS * 10^decpt. */
    record Digits(String digits, int decpt) {}

    /** The shortest round-tripping digits of a finite, non-zero, non-negative double. */
    static Digits shortest(double d) {
        String s = Double.toString(d);
        int e = 0;
        int ei = s.indexOf('E');
        if (ei >= 0) {
            e = Integer.parseInt(s.substring(ei + 1));
            s = s.substring(0, ei);
        }
        int dot = s.indexOf('.');
        String intPart = dot < 0 ? s : s.substring(0, dot);
        String frac = dot < 0 ? "" : s.substring(dot + 1);
        String digits = intPart + frac;
        int decpt = intPart.length() + e;
        int lead = 0;
        while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
            lead++;
        }
        digits = digits.substring(lead);
        decpt -= lead;
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        digits = digits.substring(0, end);
        if (digits.length() == 2) {
            // Java prints at least two digits; a single digit may also read back to the same double
            int first = digits.charAt(0) - '0';
            int[] order = digits.charAt(1) >= '5' ? new int[] {first + 1, first} : new int[] {first, first + 1};
            for (int cand : order) {
                if (cand >= 1 && cand <= 9 && Double.parseDouble(cand + "E" + (decpt - 1)) == d) {
                    return new Digits(String.valueOf(cand), decpt);
                }
            }
            if (first == 9 && Double.parseDouble("1E" + decpt) == d) {
                return new Digits("1", decpt + 1);
            }
        }
        return new Digits(digits, decpt);
    }

    static String repr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0.0) {
            return (1.0 / d < 0) ? "-0.0" : "0.0";
        }
        String sign = d < 0 ? "-" : "";
        Digits dg = shortest(Math.abs(d));
        return sign + layoutShort(dg.digits, dg.decpt, true);
    }

    /** Repr layout: fixed for -4 < decpt <= 16, else scientific. */
    static String layoutShort(String digits, int decpt, boolean addDot0) {
        if (decpt > -4 && decpt <= 16) {
            return fixed(digits, decpt, addDot0);
        }
        return sci(digits, decpt - 1, false);
    }

    static String fixed(String digits, int decpt, boolean addDot0) {
        StringBuilder sb = new StringBuilder();
        if (decpt <= 0) {
            sb.append("0.");
            sb.append("0".repeat(-decpt));
            sb.append(digits);
        } else if (decpt >= digits.length()) {
            sb.append(digits);
            sb.append("0".repeat(decpt - digits.length()));
            if (addDot0) {
                sb.append(".0");
            }
        } else {
            sb.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
        }
        return sb.toString();
    }

    static String sci(String digits, int exp, boolean alwaysDot) {
        StringBuilder sb = new StringBuilder();
        sb.append(digits.charAt(0));
        if (digits.length() > 1) {
            sb.append('.').append(digits, 1, digits.length());
        } else if (alwaysDot) {
            sb.append('.');
        }
        sb.append('e').append(exp < 0 ? '-' : '+');
        int a = Math.abs(exp);
        if (a < 10) {
            sb.append('0');
        }
        sb.append(a);
        return sb.toString();
    }

    /** {@code x} (finite, >= 0) to {@code prec} digits after the point. */
    static String fixedPrecision(double x, int prec) {
        BigDecimal b = new BigDecimal(x).setScale(prec, RoundingMode.HALF_EVEN);
        return b.toPlainString();
    }

    /** {@code x} (finite, >= 0) in scientific notation with {@code prec} digits after the point. */
    static String sciPrecision(double x, int prec, boolean alt) {
        if (x == 0.0) {
            return sci("0".repeat(prec + 1), 0, alt);
        }
        BigDecimal b = new BigDecimal(x).round(new MathContext(prec + 1, RoundingMode.HALF_EVEN));
        String digits = b.unscaledValue().toString();
        int exp = digits.length() - 1 - b.scale();
        if (digits.length() < prec + 1) {
            digits = digits + "0".repeat(prec + 1 - digits.length());
        } else if (digits.length() > prec + 1) {
            digits = digits.substring(0, prec + 1);
        }
        return sci(digits, exp, alt);
    }

    /** The decimal exponent of {@code x} after rounding to {@code prec} significant digits. */
    static int exponentAfterRounding(double x, int prec) {
        if (x == 0.0) {
            return 0;
        }
        BigDecimal b = new BigDecimal(x).round(new MathContext(prec, RoundingMode.HALF_EVEN));
        return b.precision() - 1 - b.scale();
    }

    /**
     * General format ('g' and the no-type form with a precision). {@code noType} switches to scientific one
     * exponent earlier and keeps a digit after the point, as CPython's default float format does.
     */
    static String general(double x, int prec, boolean alt, boolean noType) {
        if (prec == 0) {
            prec = 1;
        }
        if (x == 0.0) {
            if (alt) {
                String z = fixedPrecision(0.0, prec - 1);
                return z.indexOf('.') < 0 ? z + "." : z;
            }
            return noType ? "0.0" : "0";
        }
        int exp = exponentAfterRounding(x, prec);
        int limit = noType ? prec - 1 : prec;
        String s;
        if (exp >= -4 && exp < limit) {
            s = fixedPrecision(x, prec - 1 - exp);
            if (!alt) {
                s = stripZeros(s);
                if (noType && s.indexOf('.') < 0) {
                    s = s + ".0";
                }
            } else if (s.indexOf('.') < 0) {
                s = s + ".";
            }
        } else {
            s = sciPrecision(x, prec - 1, alt);
            if (!alt) {
                int e = s.indexOf('e');
                s = stripZeros(s.substring(0, e)) + s.substring(e);
            }
        }
        return s;
    }

    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }
}
