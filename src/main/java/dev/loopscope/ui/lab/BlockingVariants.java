package dev.loopscope.ui.lab;

import dev.loopscope.lesson.Knob;
import dev.loopscope.ui.lesson.Program;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The two programs of the blocking lab: the lesson's code with its switch knob (blocking call or offloaded) in
 * both positions, everything else as the learner has it.
 */
public final class BlockingVariants {

    private BlockingVariants() {
    }

    /**
     * @param blocking the code with the call made on the loop's thread
     * @param offloaded the same code with the call offloaded
     * @param editsDropped whether the learner's edits could not be kept in one of them
     */
    public record Pair(String blocking, String offloaded, boolean editsDropped) {}

    /** The knob that switches between blocking and offloading: id "offload", else a toggle that says so, else the first toggle. */
    public static Optional<Knob> switchKnob(Program program) {
        Optional<Knob> byId = program.knob("offload").filter(k -> k.control() instanceof Knob.Toggle);
        if (byId.isPresent()) {
            return byId;
        }
        Optional<Knob> byLabel = program.knobs().stream().filter(k -> k.control() instanceof Knob.Toggle)
                .filter(k -> k.label().toLowerCase(Locale.ROOT).contains("offload")).findFirst();
        return byLabel.or(() -> program.knobs().stream().filter(k -> k.control() instanceof Knob.Toggle).findFirst());
    }

    /**
     * Both variants of {@code current}, the code as made with knob {@code values}. Without a switch knob both
     * are {@code current}.
     */
    public static Pair of(Program program, String current, Map<String, String> values) {
        Optional<Knob> knob = switchKnob(program);
        if (knob.isEmpty()) {
            return new Pair(current, current, false);
        }
        Knob.Toggle toggle = (Knob.Toggle) knob.get().control();
        Program.Rewrite off = program.rewrite(current, values, with(values, knob.get().id(), toggle.off()));
        Program.Rewrite on = program.rewrite(current, values, with(values, knob.get().id(), toggle.on()));
        return new Pair(off.code(), on.code(), off.editsDropped() || on.editsDropped());
    }

    /** Whether the switch is on (offloaded) in these knob values. */
    public static boolean offloaded(Program program, Map<String, String> values) {
        return switchKnob(program).map(k -> ((Knob.Toggle) k.control()).on()
                .equals(values.getOrDefault(k.id(), k.literal()))).orElse(false);
    }

    private static Map<String, String> with(Map<String, String> values, String id, String value) {
        Map<String, String> m = new LinkedHashMap<>(values);
        m.put(id, value);
        return m;
    }
}
