package dev.loopscope.ui.timeline;

import dev.loopscope.engine.trace.LaneState;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which lanes the timeline shows: a name filter, the states to keep (at the playhead), whether asyncio's own
 * tasks and lanes that tell nothing are shown, and which groups are collapsed into one row.
 */
public record LaneFilter(String text, Set<LaneState> states, boolean showInternal, boolean showTrivial,
                         Set<String> collapsedGroups) {

    public static final LaneFilter ALL = new LaneFilter("", EnumSet.allOf(LaneState.class), false, false, Set.of());

    /**
     * What a timeline starts with: every lane, but the processes' lanes folded into one row that counts them
     * (each process's main thread has its own lane already, so one row per process would only repeat it).
     */
    public static final LaneFilter DEFAULT = ALL.withCollapsed(Set.of("Processes"));

    public LaneFilter {
        text = text == null ? "" : text.strip();
        states = states.isEmpty() ? EnumSet.noneOf(LaneState.class) : EnumSet.copyOf(states);
        collapsedGroups = Set.copyOf(collapsedGroups);
    }

    public LaneFilter withText(String t) {
        return new LaneFilter(t, states, showInternal, showTrivial, collapsedGroups);
    }

    public LaneFilter withStates(Set<LaneState> s) {
        return new LaneFilter(text, s, showInternal, showTrivial, collapsedGroups);
    }

    public LaneFilter withCollapsed(Set<String> groups) {
        return new LaneFilter(text, states, showInternal, showTrivial, groups);
    }

    public LaneFilter withInternal(boolean show) {
        return new LaneFilter(text, states, show, showTrivial, collapsedGroups);
    }

    public boolean filtersStates() {
        return states.size() < LaneState.values().length;
    }
}
