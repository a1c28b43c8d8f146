package dev.loopscope.ui.lesson;

import dev.loopscope.lesson.Knob;
import dev.loopscope.run.DemoPrograms;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Knobs for the demo programs, written as a lesson's knob directives would be, bound to their literals. */
public final class DemoKnobs {

    private DemoKnobs() {
    }

    public static List<Knob> forDemo(DemoPrograms.Demo demo) {
        String src = demo.source();
        List<Knob> knobs = new ArrayList<>();
        switch (demo.id()) {
            case "gather" -> {
                add(knobs, src, "exceptions", "return_exceptions", "return_exceptions=", "False",
                        new Knob.Toggle("False", "True"));
                add(knobs, src, "failing", "Failing task", "if i == ", "2",
                        new Knob.Choice(List.of("-1", "0", "1", "2", "3")));
                add(knobs, src, "count", "Tasks", "range(", "4", new Knob.IntegerSpinner(1, 12, 1));
                add(knobs, src, "delay", "Sleep step (s)", "asyncio.sleep(", "0.1",
                        new Knob.FloatSlider(new BigDecimal("0.05"), new BigDecimal("1.0"), new BigDecimal("0.05")));
            }
            case "cancel" -> add(knobs, src, "after", "Cancel after (s)", "await asyncio.sleep(0.3", "0.3",
                    new Knob.FloatSlider(new BigDecimal("0.1"), new BigDecimal("1.5"), new BigDecimal("0.1")));
            case "wait-for" -> add(knobs, src, "timeout", "Timeout (s)", "timeout=", "0.5",
                    new Knob.FloatSlider(new BigDecimal("0.1"), new BigDecimal("3.0"), new BigDecimal("0.1")));
            case "blocking", "offloaded" -> add(knobs, src, "block", "time.sleep (s)", "time.sleep(", "1.0",
                    new Knob.FloatSlider(new BigDecimal("0.2"), new BigDecimal("2.0"), new BigDecimal("0.1")));
            case "threads", "processes", "asyncio" -> {
                add(knobs, src, "workload", "Workload", "WORKLOAD = ", "'" + (src.contains("'io'") ? "io" : "cpu") + "'",
                        new Knob.Choice(List.of("'cpu'", "'io'")));
                add(knobs, src, "tasks", "Tasks", "TASKS = ", "4", new Knob.IntegerSpinner(1, 64, 1));
            }
            default -> { }
        }
        return knobs;
    }

    private static void add(List<Knob> knobs, String src, String id, String label, String lineMarker, String literal,
                            Knob.Control control) {
        String[] lines = src.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(lineMarker) && lines[i].contains(literal)) {
                Knob k = new Knob(id, label, control, i + 1, literal, 0);
                if (k.locate(src) instanceof Knob.Location.Found) {
                    knobs.add(k);
                }
                return;
            }
        }
    }
}
