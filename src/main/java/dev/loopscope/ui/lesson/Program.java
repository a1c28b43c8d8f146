package dev.loopscope.ui.lesson;

import dev.loopscope.lesson.CodeBlock;
import dev.loopscope.lesson.Knob;
import dev.loopscope.lesson.LabView;
import dev.loopscope.lesson.Lesson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the workbench animates: a program's source, the lesson code block it comes from (whose knobs rewrite
 * it), the lab view that shows it, and the lesson it belongs to, if any.
 */
public record Program(String title, String fileName, String source, Optional<CodeBlock> block, LabView view,
                      Optional<Lesson> lesson) {

    /** The program a lesson animates: its animated code block; else its first Python block, in the tasks lab. */
    public static Optional<Program> of(Lesson lesson) {
        String title = "Lesson " + lesson.number() + ": " + lesson.title();
        String file = "lesson" + lesson.number() + ".py";
        Optional<CodeBlock> animated = lesson.animated();
        if (animated.isPresent()) {
            CodeBlock b = animated.get();
            return Optional.of(new Program(title, file, b.code(), animated, b.animation().orElseThrow().view(),
                    Optional.of(lesson)));
        }
        return lesson.codeBlocks().stream().filter(b -> b.language().equals("python")).findFirst()
                .map(b -> new Program(title, file, b.code(), Optional.empty(), LabView.TASKS, Optional.of(lesson)));
    }

    /** A Python file the user opened: no knobs, shown in the tasks lab (which has lanes for every thread too). */
    public static Program ofFile(String fileName, String source) {
        return new Program(fileName, fileName, source, Optional.empty(), LabView.TASKS, Optional.empty());
    }

    public List<Knob> knobs() {
        return block.flatMap(CodeBlock::animation).map(a -> a.knobs()).orElse(List.of());
    }

    /** Every knob at its initial value, the literal written in the lesson. */
    public Map<String, String> defaults() {
        return block.flatMap(CodeBlock::animation).map(a -> a.defaults()).orElse(Map.of());
    }

    public Optional<Knob> knob(String id) {
        return knobs().stream().filter(k -> k.id().equals(id)).findFirst();
    }

    /**
     * The code with these knob values. Values not given keep the lesson's literal. When the learner has edited
     * the code ({@code current} differs from what {@code previous} values give), the edits are kept and only the
     * literals are swapped, as long as each still sits where its knob expects it; otherwise the lesson's code
     * is used again.
     *
     * @param previous the knob values {@code current} was made with
     * @return the new code, and whether the learner's edits had to be dropped
     */
    public Rewrite rewrite(String current, Map<String, String> previous, Map<String, String> values) {
        Map<String, String> all = new LinkedHashMap<>(defaults());
        all.putAll(values);
        String fresh = codeWith(all);
        Map<String, String> before = new LinkedHashMap<>(defaults());
        before.putAll(previous);
        if (current.equals(codeWith(before))) {
            return new Rewrite(fresh, false);
        }
        try {
            String edited = current;
            for (Knob k : knobs()) {
                String was = before.get(k.id());
                String now = all.get(k.id());
                if (!was.equals(now)) {
                    // Each knob finds its current value on its line again, so the order does not matter.
                    Knob moved = new Knob(k.id(), k.label(), k.control(), k.codeLine(), was, k.sourceLine());
                    edited = moved.apply(edited, now);
                }
            }
            return new Rewrite(edited, false);
        } catch (IllegalArgumentException edits) {
            return new Rewrite(fresh, true);
        }
    }

    /** The code a knob change produced; {@code editsDropped} when the learner's edits could not be kept. */
    public record Rewrite(String code, boolean editsDropped) {}

    /** The lesson's code with these knob values (others keep their literal). */
    public String codeWith(Map<String, String> values) {
        return block.map(b -> b.animated() ? b.codeWith(values) : b.code()).orElse(source);
    }
}
