package dev.loopscope.lesson;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a lesson's animated code block is animated with: a lab view and the knobs beside it. */
public record Animation(LabView view, List<Knob> knobs) {

    public Animation {
        knobs = List.copyOf(knobs);
    }

    public Optional<Knob> knob(String id) {
        return knobs.stream().filter(k -> k.id().equals(id)).findFirst();
    }

    /** Every knob's initial value (the literal written in the code), in file order. */
    public Map<String, String> defaults() {
        Map<String, String> values = new LinkedHashMap<>();
        knobs.forEach(k -> values.put(k.id(), k.literal()));
        return values;
    }

    /**
     * The code with the given knob values applied; knobs not named keep their literal.
     * All literals are located in the original code first, so knobs on the same line do not disturb each other.
     *
     * @throws IllegalArgumentException for an unknown knob, a value the knob does not allow, or a locator that
     *     does not match the code
     */
    public String apply(String code, Map<String, String> values) {
        for (String id : values.keySet()) {
            if (knob(id).isEmpty()) {
                throw new IllegalArgumentException("no knob '" + id + "'");
            }
        }
        record Edit(int offset, int length, String value) {}
        List<Edit> edits = new ArrayList<>();
        for (Knob knob : knobs) {
            String value = values.get(knob.id());
            if (value == null) {
                continue;
            }
            knob.rejects(value).ifPresent(reason -> {
                throw new IllegalArgumentException(reason);
            });
            switch (knob.locate(code)) {
                case Knob.Location.Found f -> edits.add(new Edit(f.offset(), knob.literal().length(), value));
                case Knob.Location.Missing m -> throw new IllegalArgumentException(m.message());
            }
        }
        edits.sort(Comparator.comparingInt(Edit::offset).reversed());
        StringBuilder result = new StringBuilder(code);
        for (Edit edit : edits) {
            result.replace(edit.offset(), edit.offset() + edit.length(), edit.value());
        }
        return result.toString();
    }
}
