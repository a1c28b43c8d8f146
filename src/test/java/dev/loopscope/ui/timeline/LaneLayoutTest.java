package dev.loopscope.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopscope.engine.Settings;
import dev.loopscope.engine.trace.LaneState;
import dev.loopscope.engine.trace.TraceIndex;
import dev.loopscope.run.TestPrograms;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LaneLayoutTest {

    static TraceIndex index(String source) {
        return TestPrograms.index(source);
    }

    @Test
    void everyLaneGetsARowWhenThereIsRoom() {
        TraceIndex ix = index(TestPrograms.GATHER);
        var r = LaneLayout.layout(ix, LaneFilter.ALL, 0, 600, 28, 12);
        assertThat(r.rows()).extracting(LaneLayout.Row::label)
                .containsExactly("Event loop", "Task-1", "Task-2", "Task-3", "Task-4", "Task-5");
        assertThat(r.rowHeight()).isEqualTo(28);
        assertThat(r.aggregated()).isFalse();
        assertThat(r.rows().get(2).y()).isEqualTo(56);
    }

    @Test
    void thousandsOfTasksAreAggregatedToFitAndSaySo() {
        TraceIndex ix = index(TestPrograms.many(1000));
        var r = LaneLayout.layout(ix, LaneFilter.ALL, 0, 300, 28, 12);
        assertThat(r.rows().size()).isLessThanOrEqualTo(25);
        assertThat(r.aggregated()).isTrue();
        assertThat(r.rows()).anyMatch(row -> row.kind() == LaneLayout.RowKind.AGGREGATE && row.label().contains(" … ")
                && row.label().endsWith("tasks"));
        int lanes = r.rows().stream().mapToInt(LaneLayout.Row::laneCount).sum();
        assertThat(lanes).isEqualTo(ix.lanes().stream().filter(l -> !l.internal() && !l.trivial()).count());
    }

    @Test
    void filterByNameAndByStateAtThePlayhead() {
        TraceIndex ix = index(TestPrograms.GATHER);
        var byName = LaneLayout.layout(ix, LaneFilter.ALL.withText("task-3"), 0, 600, 28, 12);
        assertThat(byName.rows()).extracting(LaneLayout.Row::label).containsExactly("Task-3");
        long end = ix.trace().endTime();
        var failed = LaneLayout.layout(ix, LaneFilter.ALL.withStates(EnumSet.of(LaneState.FAILED)), end, 600, 28, 12);
        assertThat(failed.rows()).extracting(LaneLayout.Row::label).containsExactly("Event loop", "Task-4");
    }

    @Test
    void collapsedGroupsBecomeOneRow() {
        TraceIndex ix = index(TestPrograms.GATHER);
        var r = LaneLayout.layout(ix, LaneFilter.ALL.withCollapsed(Set.of("job")), 0, 600, 28, 12);
        assertThat(r.rows()).hasSize(3);
        assertThat(r.rows().get(2).label()).isEqualTo("Task-2 … Task-5: 4 tasks");
    }

    @Test
    void barsCoverTheSegmentsInPixels() {
        TraceIndex ix = index(TestPrograms.GATHER);
        TimeScale scale = TimeScale.fit(0, ix.trace().endTime(), 1000, 0);
        List<LaneState> states = new ArrayList<>();
        List<double[]> xs = new ArrayList<>();
        LaneLayout.bars(ix, ix.taskLane(1), scale, 1000, (x, w, s, d, seg) -> {
            states.add(s);
            xs.add(new double[] {x, w});
        });
        assertThat(states).contains(LaneState.SLEEPING, LaneState.RUNNING);
        // The 0.1 s sleep of an 0.8 s run spans about an eighth of the width.
        int sleep = states.indexOf(LaneState.SLEEPING);
        assertThat(xs.get(sleep)[1]).isBetween(110.0, 135.0);
    }

    @Test
    void histogramCountsLanesByState() {
        TraceIndex ix = index(TestPrograms.many(1000));
        int[] lanes = ix.lanes().stream().filter(l -> l.group().equals("fetch")).mapToInt(TraceIndex.Lane::index).toArray();
        TimeScale scale = TimeScale.fit(0, ix.trace().endTime(), 100, 0);
        int[][] h = LaneLayout.histogram(ix, lanes, scale, 100, 100);
        // Half-way through the run all thousand tasks are asleep or finished.
        int sleeping = h[LaneState.SLEEPING.ordinal()][40];
        int done = h[LaneState.DONE.ordinal()][40] + h[LaneState.FAILED.ordinal()][40];
        assertThat(sleeping + done).isBetween(990, 1010);
        assertThat(sleeping).isGreaterThan(0);
    }

    @Test
    void aggregateRowsStackWholePixelBlocksAndMergeEqualNeighbours() {
        int states = LaneState.values().length;
        int[][] counts = new int[states][4];
        // 10 lanes: two columns with 5 running and 5 sleeping, then two with all 10 done.
        counts[LaneState.RUNNING.ordinal()][0] = 5;
        counts[LaneState.RUNNING.ordinal()][1] = 5;
        counts[LaneState.SLEEPING.ordinal()][0] = 5;
        counts[LaneState.SLEEPING.ordinal()][1] = 5;
        counts[LaneState.DONE.ordinal()][2] = 10;
        counts[LaneState.DONE.ordinal()][3] = 10;
        List<LaneLayout.Block> blocks = LaneLayout.stackedBlocks(counts, 10, 40, 100, 120);
        assertThat(blocks).containsExactly(
                new LaneLayout.Block(LaneState.RUNNING, 0, 20, 110, 120),
                new LaneLayout.Block(LaneState.SLEEPING, 0, 20, 100, 110),
                new LaneLayout.Block(LaneState.DONE, 20, 40, 100, 120));
    }

    @Test
    void aStateThatIsThereGetsAtLeastOnePixelAndNothingLeavesTheRow() {
        int states = LaneState.values().length;
        int[][] counts = new int[states][1];
        counts[LaneState.SLEEPING.ordinal()][0] = 9_998;
        counts[LaneState.RUNNING.ordinal()][0] = 1;
        counts[LaneState.READY.ordinal()][0] = 1;
        List<LaneLayout.Block> blocks = LaneLayout.stackedBlocks(counts, 10_000, 3, 0, 12);
        assertThat(blocks).extracting(LaneLayout.Block::state)
                .containsExactly(LaneState.RUNNING, LaneState.READY, LaneState.SLEEPING);
        assertThat(blocks).allSatisfy(b -> {
            assertThat(b.bottom() - b.top()).isGreaterThanOrEqualTo(1);
            assertThat(b.top()).isGreaterThanOrEqualTo(0);
            assertThat(b.bottom()).isLessThanOrEqualTo(12);
        });
    }

    @Test
    void thousandsOfLanesFoldIntoAFewCountingRowsQuickly() {
        TraceIndex ix = index(TestPrograms.many(3000));
        long start = System.nanoTime();
        var r = LaneLayout.layout(ix, LaneFilter.ALL, 0, 560, 26, 11);
        long took = System.nanoTime() - start;
        assertThat(r.aggregatedLanes()).isGreaterThan(2900);
        assertThat(r.rows().size()).isLessThanOrEqualTo(560 / 11);
        assertThat(r.rows()).filteredOn(row -> row.kind() == LaneLayout.RowKind.AGGREGATE)
                .extracting(LaneLayout.Row::laneCount).allMatch(n -> n > 100);
        // Folding is linear in the lanes (it once compared every lane with every other).
        assertThat(took).isLessThan(200_000_000L);
    }
}
