package dev.loopscope.engine.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopscope.engine.Settings;
import dev.loopscope.engine.trace.TraceIndex.LaneKind;
import dev.loopscope.engine.trace.TraceIndex.MarkerKind;
import dev.loopscope.engine.trace.TraceIndex.QueuedHandle;
import dev.loopscope.run.TestPrograms;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceIndexTest {

    static TraceIndex index(String source, Settings settings) {
        return TestPrograms.index(source, settings);
    }

    static TraceIndex index(String source) {
        return TestPrograms.index(source);
    }

    private static int lane(TraceIndex ix, String name) {
        return ix.lanes().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow().index();
    }

    @Test
    void oneLanePerTaskAfterTheLoop() {
        TraceIndex ix = index(TestPrograms.GATHER);
        assertThat(ix.lane(0).kind()).isEqualTo(LaneKind.LOOP);
        assertThat(ix.lanes().stream().filter(l -> l.kind() == LaneKind.TASK && !l.internal()).map(TraceIndex.Lane::name))
                .containsExactly("Task-1", "Task-2", "Task-3", "Task-4", "Task-5");
        assertThat(ix.lane(lane(ix, "Task-2")).group()).isEqualTo("job");
    }

    @Test
    void anEventInTheMiddleOfAStepShowsTheLineThatMadeIt() {
        TraceIndex ix = index(TestPrograms.GATHER);
        int createLine = lineOf(TestPrograms.GATHER, "asyncio.create_task(");
        int gatherLine = lineOf(TestPrograms.GATHER, "asyncio.gather(");
        List<Integer> created = new java.util.ArrayList<>();
        for (int i = 0; i < ix.trace().size(); i++) {
            if (ix.trace().event(i) instanceof TraceEvent.TaskCreated c && c.task() > 0) {
                created.add(ix.snapshot(i).line());
            }
        }
        // Each of the four jobs is made by main at its line, not at asyncio.run's.
        assertThat(created.subList(0, 4)).containsOnly(createLine);
        int firstSuspension = 0;
        while (!(ix.trace().event(firstSuspension) instanceof TraceEvent.TaskSuspended s && s.task() == 0)) {
            firstSuspension++;
        }
        assertThat(ix.snapshot(firstSuspension).line()).isEqualTo(gatherLine);
    }

    private static int lineOf(String source, String text) {
        List<String> lines = source.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text);
    }

    @Test
    void taskLanesGoReadyRunningSleepingAndEndWithTheirOutcome() {
        TraceIndex ix = index(TestPrograms.GATHER);
        SegmentList s = ix.segments(lane(ix, "Task-2"));
        assertThat(s.state(0)).isEqualTo(LaneState.READY);
        assertThat(s.state(1)).isEqualTo(LaneState.RUNNING);
        assertThat(s.state(2)).isEqualTo(LaneState.SLEEPING);
        assertThat(s.end(2) - s.start(2)).isBetween(99_000_000L, 101_000_000L);
        assertThat(ix.finalState(lane(ix, "Task-2"))).isEqualTo(LaneState.DONE);
        assertThat(ix.finalState(lane(ix, "Task-4"))).isEqualTo(LaneState.FAILED);
        assertThat(ix.markers()).anyMatch(m -> m.kind() == MarkerKind.RAISED && m.text().contains("boom"));
        assertThat(ix.markers()).anyMatch(m -> m.kind() == MarkerKind.THROWN_IN && m.lane() == lane(ix, "Task-1"));
    }

    @Test
    void segmentsNeverOverlapAndStayInOrder() {
        TraceIndex ix = index(TestPrograms.cpuThreads(4));
        for (TraceIndex.Lane l : ix.lanes()) {
            SegmentList s = ix.segments(l.index());
            for (int i = 0; i < s.size(); i++) {
                assertThat(s.end(i)).isGreaterThanOrEqualTo(s.start(i));
                if (i > 0) {
                    assertThat(s.start(i)).isGreaterThanOrEqualTo(s.end(i - 1));
                }
            }
        }
    }

    @Test
    void gatherAwaitsArePointedAtEachChildAndWakesComeBack() {
        TraceIndex ix = index(TestPrograms.GATHER);
        int main = lane(ix, "Task-1");
        assertThat(ix.arrows().stream().filter(a -> a.kind() == TraceIndex.ArrowKind.AWAIT && a.fromLane() == main))
                .hasSize(4);
        assertThat(ix.arrows()).anyMatch(a -> a.kind() == TraceIndex.ArrowKind.WAKE && a.toLane() == main
                && a.fromLane() == lane(ix, "Task-4"));
    }

    @Test
    void awaitingATaskDirectlyIsLearnedFromItsWakeUp() {
        TraceIndex ix = index(TestPrograms.CANCEL);
        assertThat(ix.arrows()).anyMatch(a -> a.kind() == TraceIndex.ArrowKind.AWAIT
                && a.fromLane() == lane(ix, "Task-1") && a.toLane() == lane(ix, "Task-2"));
        assertThat(ix.markers()).anyMatch(m -> m.kind() == MarkerKind.CANCEL_REQUESTED && m.lane() == lane(ix, "Task-2"));
        assertThat(ix.finalState(lane(ix, "Task-2"))).isEqualTo(LaneState.CANCELLED);
    }

    @Test
    void readyQueueAndTimerHeapAtAnEvent() {
        TraceIndex ix = index(TestPrograms.GATHER);
        Trace t = ix.trace();
        // Right after main created the four tasks: their __step callbacks wait in the ready queue, in order.
        int seq = -1;
        for (int i = 0; i < t.size(); i++) {
            if (t.event(i) instanceof TraceEvent.TaskSuspended s && s.task() == 0) {
                seq = i;
                break;
            }
        }
        Snapshot s = ix.snapshot(seq);
        assertThat(s.ready()).extracting(QueuedHandle::label)
                .containsExactly("Task-2 · __step", "Task-3 · __step", "Task-4 · __step", "Task-5 · __step");
        assertThat(s.taskState(0)).isEqualTo(LaneState.WAITING);
        // Once the loop idles in select(), the four sleep timers are on the heap, earliest first.
        int idle = -1;
        for (int i = seq; i < t.size(); i++) {
            if (t.event(i) instanceof TraceEvent.ThreadStateChanged c && c.state() == ThreadState.SELECT) {
                idle = i;
                break;
            }
        }
        Snapshot later = ix.snapshot(idle);
        assertThat(later.ready()).isEmpty();
        assertThat(later.timers()).extracting(QueuedHandle::label)
                .containsExactly("sleep timer · Task-2", "sleep timer · Task-3", "sleep timer · Task-4", "sleep timer · Task-5");
        assertThat(later.timers()).isSortedAccordingTo((a, b) -> Long.compare(a.when(), b.when()));
    }

    @Test
    void snapshotsAgreeWithTheTaskStatesAnywhere() {
        TraceIndex ix = index(TestPrograms.many(1000));
        int n = ix.trace().size();
        for (int seq : new int[] {0, 511, 512, 513, n / 3, n / 2, n - 2, n - 1}) {
            Snapshot s = ix.snapshot(seq);
            assertThat(s.seq()).isEqualTo(seq);
            assertThat(s.ready().size() + s.timers().size()).isGreaterThanOrEqualTo(0);
        }
        Snapshot mid = ix.snapshot(n / 2);
        long sleeping = java.util.stream.IntStream.range(0, ix.trace().tasks().size()).filter(i -> mid.taskState(i) == LaneState.SLEEPING).count();
        long dueSleeps = mid.ready().stream().filter(h -> h.kind() == HandleKind.SLEEP_TIMER).count();
        assertThat(sleeping).isEqualTo(mid.timers().size() + dueSleeps);
    }

    @Test
    void blockingCallFreezesTheLoopAndMakesTimersLate() {
        TraceIndex ix = index(TestPrograms.BLOCKING);
        assertThat(ix.frozen()).hasSize(1);
        assertThat(ix.frozen().getFirst().duration()).isBetween(990_000_000L, 1_010_000_000L);
        assertThat(ix.lates()).isNotEmpty();
        assertThat(ix.lates().getFirst().lateness()).isGreaterThan(900_000_000L);
        TraceIndex offloaded = index(TestPrograms.OFFLOADED);
        assertThat(offloaded.frozen()).isEmpty();
        assertThat(offloaded.lates()).isEmpty();
        assertThat(offloaded.lanes()).anyMatch(l -> l.kind() == LaneKind.THREAD && l.name().startsWith("asyncio_0"));
        assertThat(offloaded.arrows()).anyMatch(a -> a.kind() == TraceIndex.ArrowKind.SUBMIT);
    }

    @Test
    void gilLaneShowsWhichThreadHoldsIt() {
        TraceIndex ix = index(TestPrograms.cpuThreads(4));
        TraceIndex.Lane gil = ix.lanes().stream().filter(l -> l.kind() == LaneKind.GIL).findFirst().orElseThrow();
        assertThat(gil.trivial()).isFalse();
        SegmentList s = ix.segments(gil.index());
        // the main thread and the pool's two workers (the run ends when the last of them lets go of the GIL)
        assertThat(java.util.stream.IntStream.range(0, s.size()).map(s::detail).distinct().count())
                .isGreaterThanOrEqualTo(3);
        assertThat(ix.lanes()).anyMatch(l -> l.kind() == LaneKind.THREAD
                && java.util.stream.IntStream.range(0, ix.segments(l.index()).size())
                        .anyMatch(i -> ix.segments(l.index()).state(i) == LaneState.WAITING_GIL));
    }

    @Test
    void changesNameTheLanesAndHandlesTouched() {
        TraceIndex ix = index(TestPrograms.GATHER);
        TraceIndex.Changes c = ix.changes(10, 21);
        assertThat(c.lanes()).contains(lane(ix, "Task-2"), lane(ix, "Task-1"));
        assertThat(c.handles()).hasSize(4);
        assertThat(ix.changes(5, 5)).isEqualTo(TraceIndex.Changes.NONE);
    }

    @Test
    void taskTreeShowsGatherChildren() {
        TraceIndex ix = index(TestPrograms.GATHER);
        Snapshot s = ix.snapshot(60);
        List<TaskTree.Node> roots = TaskTree.at(ix, s);
        assertThat(roots).hasSize(1);
        assertThat(roots.getFirst().label()).isEqualTo("Task-1");
        TaskTree.Node gather = roots.getFirst().children().getFirst();
        assertThat(gather.label()).isEqualTo("gather");
        assertThat(gather.children()).extracting(TaskTree.Node::label).containsExactly("Task-2", "Task-3", "Task-4", "Task-5");
    }

    @Test
    void iterationsStepForwardAndBack() {
        TraceIndex ix = index(TestPrograms.GATHER);
        int first = ix.nextIteration(-1);
        int second = ix.nextIteration(first);
        assertThat(second).isGreaterThan(first);
        assertThat(ix.previousIteration(second)).isEqualTo(first);
        assertThat(ix.snapshot(second).iteration()).isEqualTo(2);
    }

    @Test
    void outputCountFollowsThePlayhead() {
        TraceIndex ix = index(TestPrograms.GATHER);
        assertThat(ix.outputCountAt(-1)).isZero();
        assertThat(ix.outputCountAt(ix.trace().size() - 1)).isEqualTo(5);
        assertThat(ix.outputs().get(2).text()).isEqualTo("caught boom\n");
    }

    @Test
    void theLoopThreadWaitingForAPoolBeforeAsyncioRunIsNotAFrozenLoop() {
        TraceIndex ix = index("""
                import asyncio, time
                from concurrent.futures import ThreadPoolExecutor

                def work(n):
                    time.sleep(0.2)
                    return n

                async def main():
                    await asyncio.sleep(0.1)

                with ThreadPoolExecutor(max_workers=2) as pool:
                    print([r for r in pool.map(work, [1, 2])])
                asyncio.run(main())
                """);
        assertThat(ix.frozen()).isEmpty();
        TraceIndex.Lane lane = ix.lanes().stream().filter(l -> l.kind() == LaneKind.LOOP).findFirst().orElseThrow();
        SegmentList loop = ix.segments(lane.index());
        for (int i = 0; i < loop.size(); i++) {
            assertThat(loop.state(i)).isNotEqualTo(LaneState.BLOCKED);
        }
    }
}
