package dev.loopscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopscope.engine.trace.TraceIndex;
import dev.loopscope.ui.lab.ModelVariants.Model;
import dev.loopscope.ui.timeline.LaneLayout;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import org.junit.jupiter.api.Test;

/** Lessons 10 and 11: the blocking lab's two runs on one axis, the four models, the decision chooser. */
class LabsFlowTest extends WindowTestBase {

    private void waitForBoth() throws Exception {
        waitUntil(() -> !window.isRunning() && window.timeline().getIndex() != null
                && window.offloadedTimeline().getIndex() != null
                && window.offloadedTimeline().layoutResultProperty().get() != null);
    }

    private List<String> printedAfter(String line) {
        List<String> lines = window.console().lines().stream().map(l -> l.text()).toList();
        int i = lines.indexOf(line);
        assertThat(i).as("'%s' is printed", line).isGreaterThanOrEqualTo(0);
        return lines.subList(i + 1, lines.size());
    }

    @Test
    void theBlockingLabRunsBothVariantsOnOneTimeAxis() throws Exception {
        openLesson("10");
        waitForBoth();
        TraceIndex blocking = window.timeline().getIndex();
        TraceIndex offloaded = window.offloadedTimeline().getIndex();
        assertThat(blocking.frozen()).isNotEmpty();
        assertThat(blocking.frozen().getFirst().duration()).isBetween(990_000_000L, 1_010_000_000L);
        assertThat(blocking.lates()).isNotEmpty();
        assertThat(offloaded.frozen()).isEmpty();
        assertThat(offloaded.lates()).isEmpty();
        assertThat(window.offloadedTimeline().layoutResultProperty().get().rows())
                .anyMatch(r -> r.label().startsWith("asyncio_0"));
        assertThat(window.timeline().getScale()).isEqualTo(window.offloadedTimeline().getScale());
        assertThat(window.caption(false)).startsWith("▶ Offload to a thread: False").contains("the loop froze for 1");
        assertThat(window.caption(true)).contains("Offload to a thread: True").contains("the loop never froze")
                .contains("no timer ran late");
        // Over the frozen loop the tooltip says what the loop was doing.
        double x = window.timeline().getScale().toX(600_000_000L);
        var loopRow = window.timeline().layoutResultProperty().get().rows().getFirst();
        String tip = onFx(() -> window.timeline().describeAt(x + window.timeline().lanesLeft(),
                window.timeline().lanesTop() + loopRow.y() + loopRow.height() / 2));
        assertThat(tip).contains("Event loop").contains("blocked");
        // The lesson's code runs as written, blocking: the player, console and code follow that run.
        assertThat(window.player().getIndex()).isSameAs(blocking);
        fx(() -> window.player().toEnd());
        assertThat(printedAfter("calling blocking()")).startsWith("got report after 1.0s", "tick 1 (late!)");

        CheckBox offload = lookup("#knob-offload");
        fx(() -> offload.setSelected(true));
        waitUntil(() -> window.player().getIndex() != blocking && !window.isRunning()
                && window.offloadedTimeline().getIndex() != offloaded);
        assertThat(window.code().getText()).contains("OFFLOAD = True");
        // Still blocking on top, offloaded below; now the player follows the offloaded run.
        assertThat(window.timeline().getIndex().frozen()).isNotEmpty();
        assertThat(window.player().getIndex()).isSameAs(window.offloadedTimeline().getIndex());
        fx(() -> window.player().toEnd());
        assertThat(printedAfter("calling blocking()")).startsWith("tick 1", "tick 2");
    }

    @Test
    void theModelsLabRunsTheLessonProgramAndFourModels() throws Exception {
        fx(() -> window.models().setJobSize(600_000));
        openLesson("11");
        waitUntil(() -> !window.isRunning() && window.models().wallTimes().size() == 4
                && window.models().result(Optional.empty()) != null);
        assertThat(window.models().caption()).contains("2 CPU-bound jobs").contains("600,000 additions")
                .contains("pools of 2 workers");
        List<Number> walls = window.models().wallTimes();
        double gil = walls.get(0).doubleValue();
        double free = walls.get(1).doubleValue();
        double processes = walls.get(2).doubleValue();
        double asyncio = walls.get(3).doubleValue();
        // CPU-bound: threads under the GIL take turns, as asyncio runs one job after the other; without the GIL
        // or in processes the two jobs run at once.
        assertThat(free).isLessThan(gil * 0.7);
        assertThat(processes).isLessThan(gil * 0.8);
        assertThat(asyncio).isGreaterThan(free);
        // The lesson's own program is what the first tab shows, and what the console prints.
        fx(() -> window.player().toEnd());
        assertThat(window.console().lines()).extracting(l -> l.text())
                .anyMatch(l -> l.startsWith("threads: [8999994, 8999994] in"))
                .anyMatch(l -> l.startsWith("asyncio: [8999994, 8999994] in"));

        fx(() -> window.models().select(Optional.of(Model.THREADS_GIL)));
        LaneLayout.Result gilLanes = window.models().timeline(Optional.of(Model.THREADS_GIL)).layoutResultProperty().get();
        assertThat(gilLanes.rows()).anyMatch(r -> r.label().startsWith("GIL"));
        assertThat(window.code().getText()).contains("ThreadPoolExecutor(max_workers=WORKERS)").contains("SIZE = 600_000");
        assertThat(window.player().getIndex()).isSameAs(window.models().result(Model.THREADS_GIL));
        fx(() -> window.player().toEnd());
        assertThat(window.console().text()).startsWith("threads: [1799995, 1799995] in");
        assertThat(window.loop().headerText()).startsWith("No event loop in this program · GIL held by");
        // All four models share one time axis.
        assertThat(window.models().timeline(Optional.of(Model.ASYNCIO)).getScale())
                .isEqualTo(window.models().timeline(Optional.of(Model.PROCESSES)).getScale());

        // On one core nothing runs in parallel: the free-threaded build is no faster than the GIL.
        var before = window.models().result(Model.THREADS_FREE);
        fx(() -> window.models().setCores(1));
        waitUntil(() -> !window.isRunning() && window.models().result(Model.THREADS_FREE) != before
                && window.models().wallTimes().size() == 4);
        List<Number> oneCore = window.models().wallTimes();
        assertThat(oneCore.get(1).doubleValue()).isGreaterThan(oneCore.get(0).doubleValue() * 0.9);
        assertThat(window.models().comparison().getGroups()).extracting(g -> g.title()).contains("CPU use of 1 core");
        // Drawn as JavaFX bar charts: one per measure, a bar per model coloured by the model's style class,
        // the wall-time bars as long as the times are.
        var charts = onFx(() -> window.models().comparison().lookupAll(".comparison-bars").stream()
                .map(n -> (javafx.scene.chart.BarChart<?, ?>) n).toList());
        assertThat(charts).hasSize(3);
        var wallBars = onFx(() -> charts.getFirst().lookupAll(".chart-bar").stream()
                .filter(n -> n.getStyleClass().contains("model-threads-gil")
                        || n.getStyleClass().contains("model-asyncio"))
                .map(n -> n.getBoundsInParent().getWidth()).toList());
        assertThat(wallBars).hasSize(2).allMatch(w -> w > 1);
        assertThat(charts.getFirst().getData().getFirst().getData()).hasSize(4);
    }

    @Test
    void theDecisionChooserEndsAtAModelAndOpensItsAnimation() throws Exception {
        fx(() -> window.models().setJobSize(300_000));
        openLesson("11");
        waitUntil(() -> !window.isRunning());
        fire("#decision-no");   // not mostly waiting
        fire("#decision-yes");  // needs more than one core
        assertThat(window.lessonView().lookupAll("#decision-open")).hasSize(1);
        fire("#decision-open");
        assertThat(window.models().selected()).contains(Model.PROCESSES);
        waitUntil(() -> !window.isRunning() && window.models().result(Model.PROCESSES) != null
                && window.player().getIndex() == window.models().result(Model.PROCESSES));
        assertThat(window.knobValues()).containsEntry("kind", "'cpu'");
    }

    @Test
    void theChooserRecommendsAsyncioForManyWaitsAndSwitchesTheWorkloadToIo() throws Exception {
        fx(() -> window.models().setJobSize(300_000));
        openLesson("11");
        waitUntil(() -> !window.isRunning());
        fire("#decision-yes");  // mostly waiting
        fire("#decision-yes");  // thousands of waits
        fire("#decision-open");
        assertThat(window.models().selected()).contains(Model.ASYNCIO);
        assertThat(window.knobValues()).containsEntry("kind", "'io'");
        waitUntil(() -> !window.isRunning() && window.models().result(Model.ASYNCIO) != null
                && window.player().getIndex() == window.models().result(Model.ASYNCIO));
        fx(() -> window.player().toEnd());
        assertThat(window.console().text()).isEqualTo("asyncio: ['done', 'done'] in 0.3s\n");
    }

    private void fire(String id) {
        fx(() -> ((Button) window.lessonView().lookup(id)).fire());
    }
}
