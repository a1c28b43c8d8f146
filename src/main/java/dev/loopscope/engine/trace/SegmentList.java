package dev.loopscope.engine.trace;

import java.util.Arrays;

/** The spans of one lane, in time order, stored as primitive columns so that tens of thousands stay cheap. */
public final class SegmentList {

    private long[] starts = new long[4];
    private long[] ends = new long[4];
    private byte[] states = new byte[4];
    private int[] details = new int[4];
    private int size;

    void add(long start, long end, LaneState state, int detail) {
        if (size == starts.length) {
            int n = size * 2;
            starts = Arrays.copyOf(starts, n);
            ends = Arrays.copyOf(ends, n);
            states = Arrays.copyOf(states, n);
            details = Arrays.copyOf(details, n);
        }
        starts[size] = start;
        ends[size] = end;
        states[size] = (byte) state.ordinal();
        details[size] = detail;
        size++;
    }

    public int size() {
        return size;
    }

    public long start(int i) {
        return starts[i];
    }

    public long end(int i) {
        return ends[i];
    }

    public LaneState state(int i) {
        return LaneState.of(states[i]);
    }

    /** A thread id for GIL and core lanes, a future id for waiting tasks, a work id for worker threads; else -1. */
    public int detail(int i) {
        return details[i];
    }

    /** Index of the first segment that ends at or after {@code time} (binary search; segments do not overlap). */
    public int firstEndingAtOrAfter(long time) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ends[mid] < time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The segment covering {@code time}, or -1. */
    public int at(long time) {
        int i = firstEndingAtOrAfter(time);
        while (i < size && starts[i] <= time) {
            if (time < ends[i] || starts[i] == ends[i]) {
                return i;
            }
            i++;
        }
        return -1;
    }
}
