package dev.loopscope.lesson;

import java.util.Arrays;
import java.util.Optional;

/** The lab view that animates a lesson's code. */
public enum LabView {
    TASKS("tasks"),
    BLOCKING("blocking"),
    MODELS("models");

    private final String id;

    LabView(String id) {
        this.id = id;
    }

    /** The name used in lesson files and JSON. */
    public String id() {
        return id;
    }

    public static Optional<LabView> fromId(String id) {
        return Arrays.stream(values()).filter(v -> v.id.equals(id)).findFirst();
    }
}
