package dev.loopscope.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopscope.ui.HeadlessFx;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.chart.Axis;
import javafx.scene.chart.BarChart;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The comparison charts laid out at the window's font sizes, presenter mode's included. */
class ComparisonChartSkinTest {

    static {
        HeadlessFx.init();
    }

    private static final List<ComparisonChart.Group> GROUPS = List.of(
            new ComparisonChart.Group("Wall time", List.of(
                    new ComparisonChart.Entry("threads + GIL", "gil", 185, "185 ms"),
                    new ComparisonChart.Entry("threads, no GIL", "nogil", 92, "92 ms"),
                    new ComparisonChart.Entry("process pool", "processes", 95, "95 ms"),
                    new ComparisonChart.Entry("asyncio", "asyncio", 185, "185 ms"))),
            new ComparisonChart.Group("CPU use", List.of(
                    new ComparisonChart.Entry("threads + GIL", "gil", 25, "25 %"),
                    new ComparisonChart.Entry("asyncio", "asyncio", 25, "25 %"))));

    @ParameterizedTest
    @ValueSource(doubles = {13, 20, 32})
    void everyBarKeepsItsLabelAtAnyFontSize(double fontSize) throws Exception {
        FxToolkit.registerPrimaryStage();
        ComparisonChart chart = new ComparisonChart();
        FxToolkit.setupStage(stage -> {
            chart.setGroups(GROUPS);
            Scene scene = new Scene(new StackPane(chart), 420, 900);
            // the presenter scales the window through the root font size, as this stylesheet does
            scene.getStylesheets().add("data:text/css," + URLEncoder.encode(
                    ".root { -fx-font-size: " + fontSize + "px; }", StandardCharsets.UTF_8).replace("+", "%20"));
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<BarChart<?, ?>> charts = chart.lookupAll(".chart").stream()
                .filter(n -> n instanceof BarChart<?, ?>).<BarChart<?, ?>>map(n -> (BarChart<?, ?>) n).toList();
        assertThat(charts).hasSize(2);
        for (BarChart<?, ?> c : charts) {
            Axis<?> names = c.getYAxis();
            assertThat(names.getTickMarks()).isNotEmpty();
            assertThat(names.getTickMarks()).allMatch(t -> t.isTextVisible(), "every category label shown");
        }
    }
}
