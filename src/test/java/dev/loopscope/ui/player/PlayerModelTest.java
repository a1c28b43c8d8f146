package dev.loopscope.ui.player;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopscope.engine.trace.TraceEvent;
import dev.loopscope.engine.trace.TraceIndex;
import dev.loopscope.run.TestPrograms;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The player and the clock without any window: positions, iterations, time, speed. */
class PlayerModelTest {

    private static TraceIndex gather;

    @BeforeAll
    static void run() {
        gather = TestPrograms.index(TestPrograms.GATHER);
    }

    @Test
    void stepsMoveOneEventAndKeepTimeAndSnapshotInStep() {
        PlayerModel p = new PlayerModel();
        p.load(gather);
        assertThat(p.getPosition()).isEqualTo(-1);
        assertThat(p.getTime()).isZero();
        p.stepForward();
        p.stepForward();
        assertThat(p.getPosition()).isEqualTo(1);
        assertThat(p.getSnapshot().seq()).isEqualTo(1);
        assertThat(p.getTime()).isEqualTo(gather.trace().time(1));
        p.stepBack();
        assertThat(p.getPosition()).isZero();
        p.toStart();
        p.stepBack();
        assertThat(p.getPosition()).isEqualTo(-1);
        p.toEnd();
        assertThat(p.isAtEnd()).isTrue();
        p.stepForward();
        assertThat(p.getPosition()).isEqualTo(gather.trace().size() - 1);
    }

    @Test
    void iterationsJumpToTheNextLoopIterationAndBack() {
        PlayerModel p = new PlayerModel();
        p.load(gather);
        p.nextIteration();
        int first = p.getPosition();
        assertThat(gather.trace().event(first)).isInstanceOf(TraceEvent.LoopIteration.class);
        p.nextIteration();
        int second = p.getPosition();
        assertThat(second).isGreaterThan(first);
        assertThat(p.getSnapshot().iteration()).isEqualTo(2);
        p.stepForward();
        p.previousIteration();
        assertThat(p.getPosition()).isEqualTo(second);
        p.previousIteration();
        assertThat(p.getPosition()).isEqualTo(first);
    }

    @Test
    void seekingATimeLandsOnTheLastEventBeforeIt() {
        PlayerModel p = new PlayerModel();
        p.load(gather);
        p.seekTime(250_000_000L);
        assertThat(p.getTime()).isEqualTo(250_000_000L);
        assertThat(gather.trace().time(p.getPosition())).isLessThanOrEqualTo(250_000_000L);
        assertThat(gather.trace().time(p.getPosition() + 1)).isGreaterThan(250_000_000L);
        p.seekTime(-5);
        assertThat(p.getTime()).isZero();
        p.seekTime(Long.MAX_VALUE);
        assertThat(p.getTime()).isEqualTo(gather.trace().endTime());
    }

    @Test
    void theClockAdvancesBySpeedTimesRealTimeAndStopsAtTheEnd() {
        PlayerModel p = new PlayerModel();
        p.load(gather);
        PlaybackClock c = new PlaybackClock(p);
        c.setSpeed(0.25);
        c.advance(Duration.ofMillis(400));
        assertThat(p.getTime()).isEqualTo(100_000_000L);
        c.setSpeed(99);
        assertThat(c.getSpeed()).isEqualTo(PlaybackClock.MAX_SPEED);
        c.slower();
        assertThat(c.getSpeed()).isEqualTo(5);
        c.faster();
        assertThat(c.getSpeed()).isEqualTo(10);
        c.advance(Duration.ofSeconds(10));
        assertThat(p.isAtEnd()).isTrue();
        assertThat(c.isPlaying()).isFalse();
    }

    @Test
    void slowSpeedsCarryFractionsOfANanosecond() {
        PlayerModel p = new PlayerModel();
        p.load(gather);
        PlaybackClock c = new PlaybackClock(p);
        c.setSpeed(0.1);
        for (int i = 0; i < 10; i++) {
            c.advance(Duration.ofNanos(3));
        }
        assertThat(p.getTime()).isEqualTo(3);
    }
}
