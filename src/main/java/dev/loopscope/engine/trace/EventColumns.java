package dev.loopscope.engine.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Append-only columnar storage of trace events: per event a time, a kind and three integer fields (21 bytes),
 * in chunks so that growing never copies. The few events that carry a second time (a timer's deadline) keep
 * it in a side table; a string table holds output text, reprs and messages.
 */
final class EventColumns {

    private static final int CHUNK_BITS = 15;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int MASK = CHUNK - 1;

    private static final List<Class<? extends TraceEvent>> KINDS = List.of(
            TraceEvent.ProcessStarted.class, TraceEvent.ProcessEnded.class, TraceEvent.ThreadStarted.class,
            TraceEvent.ThreadStateChanged.class, TraceEvent.GilChanged.class, TraceEvent.CoreChanged.class,
            TraceEvent.LoopIteration.class, TraceEvent.HandleScheduled.class, TraceEvent.HandleDue.class,
            TraceEvent.HandleCancelled.class, TraceEvent.HandleRun.class, TraceEvent.TaskCreated.class,
            TraceEvent.TaskStepStarted.class, TraceEvent.TaskSuspended.class, TraceEvent.TaskFinished.class,
            TraceEvent.CancelRequested.class, TraceEvent.FutureCreated.class, TraceEvent.FutureFinished.class,
            TraceEvent.Timeout.class, TraceEvent.WorkSubmitted.class, TraceEvent.WorkStarted.class,
            TraceEvent.WorkFinished.class, TraceEvent.Output.class, TraceEvent.LineReached.class,
            TraceEvent.Stopped.class, TraceEvent.Finished.class);

    /** The index of each kind in {@link #KINDS}, looked up once per class rather than searched per event. */
    private static final ClassValue<Byte> KIND_INDEX = new ClassValue<>() {
        @Override
        protected Byte computeValue(Class<?> type) {
            int i = KINDS.indexOf(type);
            if (i < 0) {
                throw new IllegalArgumentException("not a trace event: " + type);
            }
            return (byte) i;
        }
    };

    /**
     * Times as int offsets from a per-chunk base (events of a chunk usually lie within 2 s of virtual time);
     * a chunk whose span is wider keeps full longs instead.
     */
    private final List<int[]> timeOffsets = new ArrayList<>();
    private final List<long[]> wideTimes = new ArrayList<>();
    private final List<Long> timeBases = new ArrayList<>();
    private final List<byte[]> kinds = new ArrayList<>();
    private final List<int[]> as = new ArrayList<>();
    private final List<int[]> bs = new ArrayList<>();
    private final List<int[]> cs = new ArrayList<>();
    private int size;
    /** Deadlines of timer events, by event index (indices only grow, so both arrays stay sorted). */
    private int[] longIndex = new int[64];
    private long[] longValue = new long[64];
    private int longCount;

    private final List<String> strings = new ArrayList<>();
    private final Map<String, Integer> shortStrings = new HashMap<>();

    int size() {
        return size;
    }

    long time(int i) {
        check(i);
        int chunk = i >>> CHUNK_BITS;
        long[] wide = wideTimes.get(chunk);
        return wide != null ? wide[i & MASK] : timeBases.get(chunk) + timeOffsets.get(chunk)[i & MASK];
    }

    private void storeTime(int chunk, int at, long time) {
        long[] wide = wideTimes.get(chunk);
        if (wide != null) {
            wide[at] = time;
            return;
        }
        long offset = time - timeBases.get(chunk);
        if (offset >= Integer.MIN_VALUE && offset <= Integer.MAX_VALUE) {
            timeOffsets.get(chunk)[at] = (int) offset;
            return;
        }
        // Too wide for offsets: this chunk switches to full times.
        wide = new long[CHUNK];
        int[] offsets = timeOffsets.get(chunk);
        long base = timeBases.get(chunk);
        for (int k = 0; k < at; k++) {
            wide[k] = base + offsets[k];
        }
        wide[at] = time;
        wideTimes.set(chunk, wide);
        timeOffsets.set(chunk, null);
    }

    Class<? extends TraceEvent> kind(int i) {
        check(i);
        return KINDS.get(kinds.get(i >>> CHUNK_BITS)[i & MASK]);
    }

    private void check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("event " + i + " of " + size);
        }
    }

    /** Appends an event and returns its sequence number. */
    int add(long time, Class<? extends TraceEvent> kind, int a, int b, int c) {
        int i = size;
        if ((i & MASK) == 0) {
            timeOffsets.add(new int[CHUNK]);
            wideTimes.add(null);
            timeBases.add(time);
            kinds.add(new byte[CHUNK]);
            as.add(new int[CHUNK]);
            bs.add(new int[CHUNK]);
            cs.add(new int[CHUNK]);
        }
        int chunk = i >>> CHUNK_BITS;
        int at = i & MASK;
        storeTime(chunk, at, time);
        kinds.get(chunk)[at] = KIND_INDEX.get(kind);
        as.get(chunk)[at] = a;
        bs.get(chunk)[at] = b;
        cs.get(chunk)[at] = c;
        size++;
        return i;
    }

    /** Appends an event that also carries a second time value. */
    int add(long time, Class<? extends TraceEvent> kind, int a, int b, int c, long extra) {
        int i = add(time, kind, a, b, c);
        if (longCount == longIndex.length) {
            longIndex = java.util.Arrays.copyOf(longIndex, longCount * 2);
            longValue = java.util.Arrays.copyOf(longValue, longCount * 2);
        }
        longIndex[longCount] = i;
        longValue[longCount] = extra;
        longCount++;
        return i;
    }

    private long extra(int i) {
        int at = java.util.Arrays.binarySearch(longIndex, 0, longCount, i);
        return at < 0 ? -1 : longValue[at];
    }

    int string(String s) {
        if (s == null) {
            return -1;
        }
        if (s.length() <= 40) {
            Integer known = shortStrings.get(s);
            if (known != null) {
                return known;
            }
            shortStrings.put(s, strings.size());
        }
        strings.add(s);
        return strings.size() - 1;
    }

    private String str(int index) {
        return index < 0 ? null : strings.get(index);
    }

    TraceEvent decode(int i) {
        check(i);
        int chunk = i >>> CHUNK_BITS;
        int at = i & MASK;
        long t = time(i);
        int a = as.get(chunk)[at];
        int b = bs.get(chunk)[at];
        int c = cs.get(chunk)[at];
        Class<? extends TraceEvent> k = KINDS.get(kinds.get(chunk)[at]);
        if (k == TraceEvent.ProcessStarted.class) {
            return new TraceEvent.ProcessStarted(i, t, a);
        } else if (k == TraceEvent.ProcessEnded.class) {
            return new TraceEvent.ProcessEnded(i, t, a);
        } else if (k == TraceEvent.ThreadStarted.class) {
            return new TraceEvent.ThreadStarted(i, t, a);
        } else if (k == TraceEvent.ThreadStateChanged.class) {
            return new TraceEvent.ThreadStateChanged(i, t, a, ThreadState.values()[b], c);
        } else if (k == TraceEvent.GilChanged.class) {
            return new TraceEvent.GilChanged(i, t, a, b, c != 0);
        } else if (k == TraceEvent.CoreChanged.class) {
            return new TraceEvent.CoreChanged(i, t, a, b);
        } else if (k == TraceEvent.LoopIteration.class) {
            return new TraceEvent.LoopIteration(i, t, a, b, c);
        } else if (k == TraceEvent.HandleScheduled.class) {
            return new TraceEvent.HandleScheduled(i, t, c, a, HandleKind.values()[b >>> 24], (b << 8) >> 8, extra(i));
        } else if (k == TraceEvent.HandleDue.class) {
            return new TraceEvent.HandleDue(i, t, a, b);
        } else if (k == TraceEvent.HandleCancelled.class) {
            return new TraceEvent.HandleCancelled(i, t, a, b);
        } else if (k == TraceEvent.HandleRun.class) {
            return new TraceEvent.HandleRun(i, t, a, b);
        } else if (k == TraceEvent.TaskCreated.class) {
            return new TraceEvent.TaskCreated(i, t, a);
        } else if (k == TraceEvent.TaskStepStarted.class) {
            return new TraceEvent.TaskStepStarted(i, t, a, str(c));
        } else if (k == TraceEvent.TaskSuspended.class) {
            return new TraceEvent.TaskSuspended(i, t, a, b);
        } else if (k == TraceEvent.TaskFinished.class) {
            return new TraceEvent.TaskFinished(i, t, a, TaskOutcome.values()[b], str(c));
        } else if (k == TraceEvent.CancelRequested.class) {
            return new TraceEvent.CancelRequested(i, t, a, b, str(c));
        } else if (k == TraceEvent.FutureCreated.class) {
            return new TraceEvent.FutureCreated(i, t, a);
        } else if (k == TraceEvent.FutureFinished.class) {
            return new TraceEvent.FutureFinished(i, t, a, TaskOutcome.values()[b], str(c));
        } else if (k == TraceEvent.Timeout.class) {
            return new TraceEvent.Timeout(i, t, a, extra(i), b != 0);
        } else if (k == TraceEvent.WorkSubmitted.class) {
            return new TraceEvent.WorkSubmitted(i, t, a);
        } else if (k == TraceEvent.WorkStarted.class) {
            return new TraceEvent.WorkStarted(i, t, a, b);
        } else if (k == TraceEvent.WorkFinished.class) {
            return new TraceEvent.WorkFinished(i, t, a, b != 0);
        } else if (k == TraceEvent.Output.class) {
            return new TraceEvent.Output(i, t, a, b, (c & 1) != 0, str(c >> 1));
        } else if (k == TraceEvent.LineReached.class) {
            return new TraceEvent.LineReached(i, t, a, b);
        } else if (k == TraceEvent.Stopped.class) {
            return new TraceEvent.Stopped(i, t, str(c));
        } else {
            return new TraceEvent.Finished(i, t, a);
        }
    }
}
