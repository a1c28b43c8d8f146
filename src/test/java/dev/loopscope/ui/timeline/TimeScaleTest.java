package dev.loopscope.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class TimeScaleTest {

    @Test
    void mapsTimeToPixelsAndBack() {
        TimeScale s = new TimeScale(0, 1_000_000); // 1 ms per pixel
        assertThat(s.toX(250_000_000)).isEqualTo(250.0);
        assertThat(s.toTime(100)).isEqualTo(100_000_000.0);
    }

    @Test
    void fitShowsTheWholeRunWithMargins() {
        TimeScale s = TimeScale.fit(0, 2_000_000_000L, 1020, 10);
        assertThat(s.toX(0)).isCloseTo(10, within(1e-6));
        assertThat(s.toX(2_000_000_000L)).isCloseTo(1010, within(1e-6));
    }

    @Property
    void zoomKeepsTheAnchorStill(@ForAll @DoubleRange(min = 0, max = 2000) double x,
                                 @ForAll @DoubleRange(min = 0.1, max = 10) double factor) {
        TimeScale s = new TimeScale(123_456_789, 2_000_000);
        TimeScale z = s.zoomAround(x, factor);
        assertThat(z.toTime(x)).isCloseTo(s.toTime(x), within(1.0));
    }

    @Test
    void zoomStopsAtItsLimits() {
        TimeScale s = new TimeScale(0, 2_000);
        assertThat(s.zoomAround(0, 1000).nsPerPixel()).isEqualTo(TimeScale.MIN_NS_PER_PIXEL);
        assertThatThrownBy(() -> s.zoomAround(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void panMovesContentWithTheDrag() {
        TimeScale s = new TimeScale(1_000_000_000, 1_000_000);
        assertThat(s.pan(100).startNs()).isEqualTo(900_000_000.0);
        assertThat(s.withTimeAt(5e8, 50).toX(5e8)).isCloseTo(50, within(1e-9));
    }

    @Test
    void ticksAreNiceNumbers() {
        TimeScale s = new TimeScale(0, 1_000_000); // 1 ms/px
        assertThat(s.tickStepNs(80)).isEqualTo(100_000_000.0); // 100 ms
        assertThat(s.tickStepNs(150)).isEqualTo(200_000_000.0);
        assertThat(s.tickStepNs(300)).isEqualTo(500_000_000.0);
        var ticks = s.ticks(1000, 80);
        assertThat(ticks).extracting(TimeScale.Tick::label).startsWith("0.0 s", "0.1 s", "0.2 s");
        assertThat(ticks).allMatch(t -> t.x() >= 0 && t.x() <= 1000);
    }

    @Test
    void fineTicksAreInMilliseconds() {
        TimeScale s = new TimeScale(0, 1_000); // 1 µs/px
        var ticks = s.ticks(500, 80);
        assertThat(ticks.get(1).label()).isEqualTo("0.1 ms");
        assertThat(TimeScale.duration(1_000_000_000)).isEqualTo("1.00 s");
        assertThat(TimeScale.duration(250_000_000)).isEqualTo("250 ms");
    }
}
