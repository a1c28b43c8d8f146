package dev.loopscope.python.runtime;

/** {@code slice(start, stop, step)}; absent parts are None. */
public final class PySlice extends PyObject {

    public final Object start;
    public final Object stop;
    public final Object step;

    public PySlice(Object start, Object stop, Object step) {
        this.start = start;
        this.stop = stop;
        this.step = step;
    }

    @Override
    public PyType type() {
        return Types.SLICE;
    }

    /** Start, stop, step and length for a sequence of {@code length}, as {@code slice.indices} computes them. */
    public long[] indices(long length) {
        long st;
        if (step == Py.None) {
            st = 1;
        } else {
            st = Ops.clampIndex(step);
            if (st == 0) {
                throw Py.valueError("slice step cannot be zero");
            }
        }
        long lower = st < 0 ? -1 : 0;
        long upper = st < 0 ? length - 1 : length;
        long a;
        if (start == Py.None) {
            a = st < 0 ? upper : lower;
        } else {
            a = Ops.clampIndex(start);
            if (a < 0) {
                a = Math.max(a + length, lower);
            } else {
                a = Math.min(a, upper);
            }
        }
        long b;
        if (stop == Py.None) {
            b = st < 0 ? lower : upper;
        } else {
            b = Ops.clampIndex(stop);
            if (b < 0) {
                b = Math.max(b + length, lower);
            } else {
                b = Math.min(b, upper);
            }
        }
        long n;
        if (st > 0) {
            n = a < b ? (b - a - 1) / st + 1 : 0;
        } else {
            n = b < a ? (a - b - 1) / (-st) + 1 : 0;
        }
        return new long[] {a, b, st, n};
    }
}
