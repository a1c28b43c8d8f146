package dev.loopscope.ui.lesson;

import dev.loopscope.lesson.Knob;
import dev.loopscope.lesson.LabView;
import dev.loopscope.lesson.Lesson;
import dev.loopscope.run.DemoPrograms;
import java.util.List;
import java.util.Optional;

/**
 * What the workbench animates: a program's source, the knobs bound to its literals, the lab view that shows
 * it, and the lesson it belongs to, if any.
 */
public record Program(String title, String fileName, String source, List<Knob> knobs, LabView view,
                      Optional<Lesson> lesson) {

    public Program {
        knobs = List.copyOf(knobs);
    }

    public static Program of(DemoPrograms.Demo demo) {
        LabView view = switch (demo.lesson()) {
            case "10" -> LabView.BLOCKING;
            case "11" -> demo.id().startsWith("tasks-") ? LabView.TASKS : LabView.MODELS;
            default -> LabView.TASKS;
        };
        return new Program(demo.title(), demo.fileName(), demo.source(), DemoKnobs.forDemo(demo), view, Optional.empty());
    }
}
