package dev.loopscope.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopscope.engine.trace.TraceIndex;
import dev.loopscope.run.TestPrograms;
import dev.loopscope.ui.HeadlessFx;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The timeline control in a scene of its own: fitting, following the playhead, what a point says. */
class TimelineViewTest {

    static {
        HeadlessFx.init();
    }

    private static TraceIndex gather;
    private TimelineView view;
    private Stage stage;

    @BeforeAll
    static void run() {
        gather = TestPrograms.index(TestPrograms.GATHER);
    }

    @BeforeEach
    void show() throws Exception {
        FxToolkit.registerPrimaryStage();
        AtomicReference<Stage> s = new AtomicReference<>();
        FxToolkit.setupStage(st -> {
            view = new TimelineView();
            view.setIndex(gather);
            st.setScene(new Scene(new StackPane(view), 900, 400));
            st.show();
            s.set(st);
        });
        stage = s.get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void fx(Runnable r) {
        WaitForAsyncUtils.waitForAsyncFx(10_000, r);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private double endX() {
        return view.getScale().toX(gather.trace().endTime());
    }

    @Test
    void aRunSetBeforeTheViewIsShownIsFittedToItsWidth() {
        double chart = view.getWidth() - view.lanesLeft();
        assertThat(view.isFitted()).isTrue();
        assertThat(endX()).isBetween(chart - 60, chart - 10);
        assertThat(view.layoutResultProperty().get().rows()).hasSize(6);
    }

    @Test
    void aViewOnceLaidOutWideCanShrinkAgain() {
        fx(() -> stage.setWidth(1300));
        assertThat(view.getWidth()).isGreaterThan(1200);
        assertThat(view.minWidth(-1)).isLessThan(400);
        fx(() -> stage.setWidth(700));
        assertThat(view.getWidth()).isLessThan(710);
    }

    @Test
    void aFittedViewFitsAgainWhenResizedAZoomedOneKeepsItsZoom() {
        fx(() -> stage.setWidth(1300));
        double chart = view.getWidth() - view.lanesLeft();
        assertThat(endX()).isBetween(chart - 60, chart - 10);
        fx(() -> view.zoomIn());
        assertThat(view.isFitted()).isFalse();
        TimeScale zoomed = view.getScale();
        fx(() -> stage.setWidth(1000));
        assertThat(view.getScale()).isEqualTo(zoomed);
        fx(() -> view.fit());
        assertThat(view.isFitted()).isTrue();
    }

    @Test
    void thePlayheadIsFollowedOnlyWhenTheRestOfTheRunIsOutOfView() {
        TimeScale fitted = view.getScale();
        fx(() -> view.playheadProperty().set(gather.trace().endTime()));
        assertThat(view.getScale()).isEqualTo(fitted);
        fx(() -> {
            view.playheadProperty().set(0);
            view.setScale(view.getScale().zoomAround(0, 4));
        });
        fx(() -> view.playheadProperty().set(gather.trace().endTime() / 2));
        double x = view.getScale().toX(gather.trace().endTime() / 2.0);
        double chart = view.getWidth() - view.lanesLeft();
        assertThat(x).isBetween(0.0, chart);
    }

    @Test
    void pointsDescribeTheirLaneAndState() {
        var rows = view.layoutResultProperty().get().rows();
        var task2 = rows.get(2);
        double y = view.lanesTop() + task2.y() + task2.height() / 2;
        String tip = view.describeAt(view.lanesLeft() + view.getScale().toX(50_000_000), y);
        assertThat(tip).startsWith("Task-2 · job()").contains("sleeping");
        assertThat(view.describeAt(view.lanesLeft() + 10, view.lanesTop() / 2)).startsWith("Virtual time");
        assertThat(view.describeAt(5, y)).contains("Double-click to collapse");
    }

    @Test
    void longNamesLoseTheirMiddleNotTheirEnd() {
        assertThat(TimelineSkin.elideMiddle("ThreadPoolExecutor-0_1", 14)).isEqualTo("ThreadPoo…-0_1").hasSize(14);
        assertThat(TimelineSkin.elideMiddle("Task-1", 14)).isEqualTo("Task-1");
    }
}
