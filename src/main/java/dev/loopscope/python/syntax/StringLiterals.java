package dev.loopscope.python.syntax;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Escape processing of string and bytes literal bodies, with CPython's decoding error messages. */
final class StringLiterals {

    private StringLiterals() {
    }

    /** A decoding error; the message is CPython's, without the "(unicode error)" prefix added by the caller. */
    static final class DecodeException extends Exception {
        DecodeException(String message) {
            super(message, null, false, false);
        }
    }

    /** The body of a str literal (between the quotes) with escapes processed unless {@code raw}. */
    static String decodeStr(String body, boolean raw) throws DecodeException {
        if (raw || body.indexOf('\\') < 0) {
            return body;
        }
        StringBuilder out = new StringBuilder(body.length());
        int[] cps = body.codePoints().toArray();
        int[] byteOffset = utf8Offsets(cps);
        int i = 0;
        while (i < cps.length) {
            int c = cps[i];
            if (c != '\\') {
                out.appendCodePoint(c);
                i++;
                continue;
            }
            int start = i;
            i++;
            if (i >= cps.length) {
                // Only an f-string's literal part can end in a backslash (before a '{'): it stays.
                out.append('\\');
                break;
            }
            int e = cps[i++];
            switch (e) {
                case '\n' -> { }
                case '\\' -> out.append('\\');
                case '\'' -> out.append('\'');
                case '"' -> out.append('"');
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int value = e - '0';
                    for (int k = 0; k < 2 && i < cps.length && cps[i] >= '0' && cps[i] <= '7'; k++) {
                        value = value * 8 + (cps[i++] - '0');
                    }
                    out.appendCodePoint(value);
                }
                case 'x', 'u', 'U' -> {
                    int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    int value = 0;
                    int k = 0;
                    while (k < digits && i < cps.length && Character.digit(cps[i], 16) >= 0 && cps[i] < 128) {
                        value = value * 16 + Character.digit(cps[i], 16);
                        i++;
                        k++;
                    }
                    if (k < digits) {
                        String what = e == 'x' ? "truncated \\xXX escape" : e == 'u' ? "truncated \\uXXXX escape"
                                : "truncated \\UXXXXXXXX escape";
                        throw new DecodeException(unicodeError(byteOffset[start], byteOffset[i] - 1, what));
                    }
                    if (value > 0x10FFFF || value < 0) {
                        throw new DecodeException(unicodeError(byteOffset[start], byteOffset[i] - 1,
                                "illegal Unicode character"));
                    }
                    out.appendCodePoint(value);
                }
                case 'N' -> {
                    if (i >= cps.length || cps[i] != '{') {
                        throw new DecodeException(unicodeError(byteOffset[start], byteOffset[i] - 1,
                                "malformed \\N character escape"));
                    }
                    int close = i + 1;
                    while (close < cps.length && cps[close] != '}') {
                        close++;
                    }
                    if (close >= cps.length || close == i + 1) {
                        throw new DecodeException(unicodeError(byteOffset[start],
                                byteOffset[Math.min(close, cps.length)] - 1, "malformed \\N character escape"));
                    }
                    String name = new String(cps, i + 1, close - i - 1);
                    int cp = lookupName(name);
                    if (cp < 0) {
                        throw new DecodeException(unicodeError(byteOffset[start], byteOffset[close + 1] - 1,
                                "unknown Unicode character name"));
                    }
                    out.appendCodePoint(cp);
                    i = close + 1;
                }
                default -> {
                    // Unknown escapes stay as they are (CPython 3.12 warns).
                    out.append('\\').appendCodePoint(e);
                }
            }
        }
        return out.toString();
    }

    /** The body of a bytes literal; the caller has checked it is ASCII. */
    static byte[] decodeBytes(String body, boolean raw) throws DecodeException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length());
        int n = body.length();
        int i = 0;
        while (i < n) {
            char c = body.charAt(i);
            if (raw || c != '\\') {
                out.write(c);
                i++;
                continue;
            }
            int start = i;
            i++;
            if (i >= n) {
                throw new DecodeException("(value error) Trailing \\ in string");
            }
            char e = body.charAt(i++);
            switch (e) {
                case '\n' -> { }
                case '\\' -> out.write('\\');
                case '\'' -> out.write('\'');
                case '"' -> out.write('"');
                case 'a' -> out.write(7);
                case 'b' -> out.write(8);
                case 'f' -> out.write(12);
                case 'n' -> out.write(10);
                case 'r' -> out.write(13);
                case 't' -> out.write(9);
                case 'v' -> out.write(11);
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int value = e - '0';
                    for (int k = 0; k < 2 && i < n && body.charAt(i) >= '0' && body.charAt(i) <= '7'; k++) {
                        value = value * 8 + (body.charAt(i++) - '0');
                    }
                    out.write(value & 0xFF);
                }
                case 'x' -> {
                    if (i + 1 < n && Character.digit(body.charAt(i), 16) >= 0 && Character.digit(body.charAt(i + 1), 16) >= 0) {
                        out.write(Character.digit(body.charAt(i), 16) * 16 + Character.digit(body.charAt(i + 1), 16));
                        i += 2;
                    } else {
                        throw new DecodeException("(value error) invalid \\x escape at position " + start);
                    }
                }
                default -> {
                    out.write('\\');
                    out.write(e);
                }
            }
        }
        return out.toByteArray();
    }

    private static String unicodeError(int from, int to, String what) {
        return "(unicode error) 'unicodeescape' codec can't decode bytes in position " + from + "-" + to + ": " + what;
    }

    private static int lookupName(String name) {
        try {
            return Character.codePointOf(name);
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    /** Byte offset in UTF-8 of each code point, plus one past the end. */
    private static int[] utf8Offsets(int[] cps) {
        int[] offsets = new int[cps.length + 1];
        int b = 0;
        for (int i = 0; i < cps.length; i++) {
            offsets[i] = b;
            int c = cps[i];
            b += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        }
        offsets[cps.length] = b;
        return offsets;
    }

    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
