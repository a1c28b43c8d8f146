package dev.loopscope.python.runtime;

/** {@code range(start, stop, step)} over 64-bit ints. */
public final class PyRange extends PyObject {

    public final long start;
    public final long stop;
    public final long step;
    public final long length;

    public PyRange(long start, long stop, long step) {
        this.start = start;
        this.stop = stop;
        this.step = step;
        if (step > 0) {
            length = start < stop ? (stop - start - 1) / step + 1 : 0;
        } else {
            length = stop < start ? (start - stop - 1) / (-step) + 1 : 0;
        }
    }

    @Override
    public PyType type() {
        return Types.RANGE;
    }

    public long get(long i) {
        return start + i * step;
    }
}
