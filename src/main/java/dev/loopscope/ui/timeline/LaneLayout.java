package dev.loopscope.ui.timeline;

import dev.loopscope.engine.trace.LaneState;
import dev.loopscope.engine.trace.SegmentList;
import dev.loopscope.engine.trace.TraceIndex;
import dev.loopscope.engine.trace.TraceIndex.Lane;
import dev.loopscope.engine.trace.TraceIndex.LaneKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where each lane of the timeline goes, without any drawing: the rows after filtering, collapsing and
 * aggregation, their heights, and the bars, markers and counts a row shows at a given time scale. The skin
 * draws exactly what this computes, so tests can check the picture without pixels.
 */
public final class LaneLayout {

    public enum RowKind { LANE, AGGREGATE }

    /**
     * One row: a single lane, or several lanes drawn as counts by state.
     *
     * @param lanes the trace lanes the row stands for
     * @param label what the header shows ("Task-3", "Task-12 … Task-980: 969 tasks")
     */
    public record Row(RowKind kind, int[] lanes, String label, String group, double y, double height) {
        public int laneCount() {
            return lanes.length;
        }

        public boolean contains(double py) {
            return py >= y && py < y + height;
        }
    }

    /** The rows, and how many lanes were folded into aggregate rows to fit (0: none). */
    public record Result(List<Row> rows, int shownLanes, int aggregatedLanes, int hiddenLanes, double rowHeight) {
        public boolean aggregated() {
            return aggregatedLanes > 0;
        }
    }

    private LaneLayout() {
    }

    /**
     * Lays out the lanes that pass {@code filter} in {@code height} pixels: rows shrink from
     * {@code preferredRow} down to {@code minRow}; if they still do not fit, runs of task lanes become aggregate
     * rows. Collapsed groups always become one aggregate row.
     *
     * @param playheadNs the time at which state filters are judged
     */
    public static Result layout(TraceIndex index, LaneFilter filter, long playheadNs, double height,
                                double preferredRow, double minRow) {
        return layout(index, filter, playheadNs, height, preferredRow, minRow, preferredRow);
    }

    /** As {@link #layout(TraceIndex, LaneFilter, long, double, double, double)}; rows may grow to {@code maxRow}. */
    public static Result layout(TraceIndex index, LaneFilter filter, long playheadNs, double height,
                                double preferredRow, double minRow, double maxRow) {
        List<Lane> kept = new ArrayList<>();
        int hidden = 0;
        for (Lane lane : index.lanes()) {
            if (passes(index, lane, filter, playheadNs)) {
                kept.add(lane);
            } else {
                hidden++;
            }
        }
        // Collapsed groups: their lanes fold into one row at the place of the first.
        List<Object> items = new ArrayList<>();
        Map<String, List<Lane>> collapsed = new LinkedHashMap<>();
        for (Lane lane : kept) {
            String key = lane.kind() + ":" + lane.group();
            if (filter.collapsedGroups().contains(lane.group())) {
                List<Lane> members = collapsed.get(key);
                if (members == null) {
                    members = new ArrayList<>();
                    collapsed.put(key, members);
                    items.add(members);
                }
                members.add(lane);
            } else {
                items.add(lane);
            }
        }
        int capacity = Math.max(1, (int) Math.floor(height / minRow));
        int aggregated = 0;
        if (items.size() > capacity) {
            // Fold task lanes (the ones there can be thousands of), keeping the first few on their own.
            List<Integer> taskItems = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) instanceof Lane l && l.kind() == LaneKind.TASK) {
                    taskItems.add(i);
                }
            }
            int others = items.size() - taskItems.size();
            int budget = Math.max(1, capacity - others);
            // Folding a handful of lanes helps nobody: then the rows just get thinner instead.
            if (taskItems.size() - budget >= 6) {
                int aggregates = budget <= 2 ? 1 : Math.min(4, Math.max(1, budget / 3));
                int single = Math.max(0, budget - aggregates);
                List<Lane> rest = new ArrayList<>();
                for (int k = single; k < taskItems.size(); k++) {
                    rest.add((Lane) items.get(taskItems.get(k)));
                }
                aggregated = rest.size();
                // A mark per lane: with thousands of lanes a list lookup per item would be quadratic.
                boolean[] folded = new boolean[index.lanes().size()];
                for (Lane l : rest) {
                    folded[l.index()] = true;
                }
                int insertAt = taskItems.get(single);
                List<Object> rebuilt = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    if (i == insertAt) {
                        int per = (int) Math.ceil(rest.size() / (double) aggregates);
                        for (int a = 0; a < rest.size(); a += per) {
                            rebuilt.add(new ArrayList<>(rest.subList(a, Math.min(rest.size(), a + per))));
                        }
                    }
                    if (!(items.get(i) instanceof Lane l && folded[l.index()])) {
                        rebuilt.add(items.get(i));
                    }
                }
                items = rebuilt;
            }
        }
        double rowHeight = items.isEmpty() ? preferredRow
                : Math.min(Math.max(preferredRow, maxRow), height / items.size());
        List<Row> rows = new ArrayList<>(items.size());
        double y = 0;
        int shown = 0;
        for (Object item : items) {
            if (item instanceof Lane l) {
                rows.add(new Row(RowKind.LANE, new int[] {l.index()}, l.name(), l.group(), y, rowHeight));
                shown++;
            } else {
                @SuppressWarnings("unchecked")
                List<Lane> members = (List<Lane>) item;
                int[] ids = members.stream().mapToInt(Lane::index).toArray();
                String label = members.size() == 1 ? members.getFirst().name()
                        : members.getFirst().name() + " … " + members.getLast().name() + ": "
                        + String.format(Locale.ROOT, "%,d", members.size()) + " " + noun(members.getFirst().kind());
                rows.add(new Row(RowKind.AGGREGATE, ids, label, members.getFirst().group(), y, rowHeight));
            }
            y += rowHeight;
        }
        return new Result(rows, shown, aggregated, hidden, rowHeight);
    }

    private static String noun(LaneKind kind) {
        return switch (kind) {
            case TASK -> "tasks";
            case THREAD -> "threads";
            case CORE -> "cores";
            case PROCESS -> "processes";
            default -> "lanes";
        };
    }

    static boolean passes(TraceIndex index, Lane lane, LaneFilter filter, long playheadNs) {
        if (lane.internal() && !filter.showInternal()) {
            return false;
        }
        if (lane.trivial() && !filter.showTrivial()) {
            return false;
        }
        String text = filter.text().toLowerCase(Locale.ROOT);
        if (!text.isEmpty() && !lane.name().toLowerCase(Locale.ROOT).contains(text)
                && !lane.group().toLowerCase(Locale.ROOT).contains(text)) {
            return false;
        }
        if (filter.filtersStates() && lane.kind() == LaneKind.TASK) {
            LaneState s = stateAt(index, lane.index(), playheadNs);
            return s != null && filter.states().contains(s);
        }
        return true;
    }

    /** A lane's state at a time: its segment's, its final state after it ended, or null before it began. */
    public static LaneState stateAt(TraceIndex index, int lane, long timeNs) {
        SegmentList s = index.segments(lane);
        int i = s.at(timeNs);
        if (i >= 0) {
            return s.state(i);
        }
        if (s.size() > 0 && timeNs >= s.end(s.size() - 1)) {
            LaneState fin = index.finalState(lane);
            return fin != null ? fin : null;
        }
        return null;
    }

    /** Receives the bars of one row, left to right. */
    @FunctionalInterface
    public interface BarSink {
        void bar(double x, double width, LaneState state, int detail, int segment);
    }

    /**
     * The bars of a lane between pixels 0 and {@code width}: segments narrower than a pixel that fall in the
     * same pixel are merged, keeping the busiest state, so thousands of short steps cost one rectangle each pixel.
     */
    public static void bars(TraceIndex index, int lane, TimeScale scale, double width, BarSink sink) {
        SegmentList s = index.segments(lane);
        long from = (long) Math.floor(scale.toTime(0));
        long to = (long) Math.ceil(scale.toTime(width));
        int i = s.firstEndingAtOrAfter(from);
        double pendingX = Double.NaN;
        double pendingEnd = 0;
        LaneState pendingState = null;
        int pendingDetail = -1;
        int pendingSeg = -1;
        for (; i < s.size() && s.start(i) <= to; i++) {
            double x0 = Math.max(-2, scale.toX(s.start(i)));
            double x1 = Math.min(width + 2, scale.toX(s.end(i)));
            LaneState st = s.state(i);
            if (st == LaneState.RUNNING && x1 - x0 < 1.5) {
                x1 = x0 + 1.5; // a step is an instant at most zooms: keep it visible
            }
            if (!Double.isNaN(pendingX) && pendingEnd - pendingX < 1.5 && x0 < Math.floor(pendingX) + 1 && x1 - x0 < 1) {
                // Sub-pixel segment inside the pending pixel: keep the more telling state.
                if (rank(st) > rank(pendingState)) {
                    pendingState = st;
                    pendingDetail = s.detail(i);
                    pendingSeg = i;
                }
                pendingEnd = Math.max(pendingEnd, x1);
                continue;
            }
            if (!Double.isNaN(pendingX)) {
                sink.bar(pendingX, Math.max(1, pendingEnd - pendingX), pendingState, pendingDetail, pendingSeg);
            }
            pendingX = x0;
            pendingEnd = x1;
            pendingState = st;
            pendingDetail = s.detail(i);
            pendingSeg = i;
        }
        if (!Double.isNaN(pendingX)) {
            sink.bar(pendingX, Math.max(1, pendingEnd - pendingX), pendingState, pendingDetail, pendingSeg);
        }
    }

    private static int rank(LaneState s) {
        return switch (s) {
            case RUNNING -> 9;
            case BLOCKED -> 8;
            case WAITING_GIL -> 7;
            case WAITING_CORE -> 6;
            case READY -> 5;
            case WAITING -> 4;
            case SLEEPING -> 3;
            default -> 1;
        };
    }

    /**
     * For an aggregate row: how many of its lanes are in each state in each pixel column, as
     * {@code counts[state.ordinal()][column]} over {@code columns} columns of {@code width / columns} pixels.
     */
    public static int[][] histogram(TraceIndex index, int[] lanes, TimeScale scale, double width, int columns) {
        int states = LaneState.values().length;
        int[][] diff = new int[states][columns + 1];
        double colWidth = width / columns;
        long from = (long) scale.toTime(0);
        long to = (long) scale.toTime(width);
        for (int lane : lanes) {
            SegmentList s = index.segments(lane);
            for (int i = s.firstEndingAtOrAfter(from); i < s.size() && s.start(i) <= to; i++) {
                int c0 = (int) Math.clamp(Math.floor(scale.toX(s.start(i)) / colWidth), 0, columns - 1);
                int c1 = (int) Math.clamp(Math.floor(scale.toX(s.end(i)) / colWidth), 0, columns - 1);
                if (c1 > c0 && scale.toX(s.end(i)) / colWidth == Math.floor(scale.toX(s.end(i)) / colWidth)) {
                    c1--; // a segment ending exactly on a column edge does not count in that column
                }
                int st = s.state(i).ordinal();
                diff[st][c0]++;
                diff[st][c1 + 1]--;
            }
            LaneState fin = index.finalState(lane);
            if (fin != null && s.size() > 0) {
                double xEnd = scale.toX(s.end(s.size() - 1));
                if (xEnd < width) {
                    int c0 = (int) Math.clamp(Math.floor(Math.max(0, xEnd) / colWidth), 0, columns - 1);
                    diff[fin.ordinal()][c0]++;
                    diff[fin.ordinal()][columns]--;
                }
            }
        }
        int[][] counts = new int[states][columns];
        for (int st = 0; st < states; st++) {
            int run = 0;
            for (int c = 0; c < columns; c++) {
                run += diff[st][c];
                counts[st][c] = run;
            }
        }
        return counts;
    }

    /** The order in which an aggregate row stacks states, from the bottom up: the busiest first. */
    public static final LaneState[] STACK_ORDER = {LaneState.RUNNING, LaneState.BLOCKED, LaneState.WAITING_GIL,
        LaneState.WAITING_CORE, LaneState.READY, LaneState.WAITING, LaneState.SLEEPING, LaneState.IDLE,
        LaneState.FAILED, LaneState.CANCELLED, LaneState.DONE};

    /** One rectangle of an aggregate row, in whole pixels: columns {@code x0..x1}, rows {@code top..bottom}. */
    public record Block(LaneState state, int x0, int x1, int top, int bottom) {}

    /**
     * The rectangles that draw a histogram as stacked bars in a row from {@code top} to {@code bottom} (whole
     * pixels): each column's states stacked in {@link #STACK_ORDER} with heights in proportion to their counts
     * out of {@code total}, rounded to whole pixels (a state that is there gets at least one), and neighbouring
     * columns whose rectangle of a state is the same merged into one. Grouped by state, in stacking order, so a
     * painter sets each colour once.
     */
    public static List<Block> stackedBlocks(int[][] counts, int total, double width, int top, int bottom) {
        int columns = counts.length == 0 ? 0 : counts[0].length;
        int height = Math.max(1, bottom - top);
        int[] px = new int[columns + 1];
        for (int c = 0; c <= columns; c++) {
            px[c] = (int) Math.round(c * width / Math.max(1, columns));
        }
        int states = STACK_ORDER.length;
        int[][] lo = new int[states][columns];
        int[][] hi = new int[states][columns];
        for (int c = 0; c < columns; c++) {
            int below = 0;
            int y = bottom;
            for (int k = 0; k < states; k++) {
                int n = counts[STACK_ORDER[k].ordinal()][c];
                if (n <= 0) {
                    continue;
                }
                below += n;
                int next = bottom - (int) Math.round(height * Math.min(1.0, below / (double) Math.max(1, total)));
                next = Math.max(top, Math.min(next, y - 1));
                lo[k][c] = y;
                hi[k][c] = next;
                y = next;
            }
        }
        List<Block> out = new ArrayList<>();
        for (int k = 0; k < states; k++) {
            int c = 0;
            while (c < columns) {
                if (lo[k][c] <= hi[k][c]) {
                    c++;
                    continue;
                }
                int start = c;
                while (c + 1 < columns && lo[k][c + 1] == lo[k][start] && hi[k][c + 1] == hi[k][start]) {
                    c++;
                }
                if (px[c + 1] > px[start]) {
                    out.add(new Block(STACK_ORDER[k], px[start], px[c + 1], hi[k][start], lo[k][start]));
                }
                c++;
            }
        }
        return out;
    }
}
