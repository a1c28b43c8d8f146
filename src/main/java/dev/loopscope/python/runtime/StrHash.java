package dev.loopscope.python.runtime;

/**
 * {@code hash(str)} as CPython 3.12 computes it when hash randomisation is off ({@code PYTHONHASHSEED=0}):
 * SipHash-1-3 with an all-zero key over the string's compact storage (one byte per character when every code point
 * is below 256, two little-endian bytes when all are in the BMP, four otherwise). With the same hashes, sets of
 * strings iterate in CPython's order.
 */
final class StrHash {

    private StrHash() {
    }

    static long hash(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        int max = 0;
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            max = Math.max(max, cp);
            n++;
            i += Character.charCount(cp);
        }
        int width = max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
        byte[] data = new byte[n * width];
        int p = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            for (int b = 0; b < width; b++) {
                data[p++] = (byte) (cp >>> (8 * b));
            }
            i += Character.charCount(cp);
        }
        long h = sip13(data);
        return h == -1 ? -2 : h;
    }

    /** SipHash with one compression round per block and three finalisation rounds, key (0, 0). */
    static long sip13(byte[] data) {
        long[] v = {0x736f6d6570736575L, 0x646f72616e646f6dL, 0x6c7967656e657261L, 0x7465646279746573L};
        int len = data.length;
        int full = len & ~7;
        for (int i = 0; i < full; i += 8) {
            long m = littleEndian(data, i, 8);
            v[3] ^= m;
            round(v);
            v[0] ^= m;
        }
        long last = ((long) len << 56) | littleEndian(data, full, len - full);
        v[3] ^= last;
        round(v);
        v[0] ^= last;
        v[2] ^= 0xff;
        round(v);
        round(v);
        round(v);
        return v[0] ^ v[1] ^ v[2] ^ v[3];
    }

    private static long littleEndian(byte[] data, int from, int count) {
        long m = 0;
        for (int b = 0; b < count; b++) {
            m |= (data[from + b] & 0xffL) << (8 * b);
        }
        return m;
    }

    private static void round(long[] v) {
        v[0] += v[1];
        v[1] = Long.rotateLeft(v[1], 13) ^ v[0];
        v[0] = Long.rotateLeft(v[0], 32);
        v[2] += v[3];
        v[3] = Long.rotateLeft(v[3], 16) ^ v[2];
        v[0] += v[3];
        v[3] = Long.rotateLeft(v[3], 21) ^ v[0];
        v[2] += v[1];
        v[1] = Long.rotateLeft(v[1], 17) ^ v[2];
        v[2] = Long.rotateLeft(v[2], 32);
    }
}
