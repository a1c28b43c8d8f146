package dev.loopscope.ui.player;

import dev.loopscope.engine.trace.Snapshot;
import dev.loopscope.engine.trace.TraceIndex;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Where the playhead is in a run: an event index and a virtual time, the state of the run there, and what the
 * last move changed. Every view follows these properties; only {@link PlaybackClock} moves them over time.
 */
public final class PlayerModel {

    private final ReadOnlyObjectWrapper<TraceIndex> index = new ReadOnlyObjectWrapper<>(this, "index");
    private final ReadOnlyIntegerWrapper position = new ReadOnlyIntegerWrapper(this, "position", -1);
    private final ReadOnlyLongWrapper time = new ReadOnlyLongWrapper(this, "time");
    private final ReadOnlyObjectWrapper<Snapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyObjectWrapper<TraceIndex.Changes> changes =
            new ReadOnlyObjectWrapper<>(this, "changes", TraceIndex.Changes.NONE);
    private final ReadOnlyBooleanWrapper atEnd = new ReadOnlyBooleanWrapper(this, "atEnd");

    public ReadOnlyObjectProperty<TraceIndex> indexProperty() {
        return index.getReadOnlyProperty();
    }

    public TraceIndex getIndex() {
        return index.get();
    }

    /** The index of the last event shown (-1: before the first). */
    public ReadOnlyIntegerProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    public int getPosition() {
        return position.get();
    }

    /** The playhead's virtual time in nanoseconds. */
    public ReadOnlyLongProperty timeProperty() {
        return time.getReadOnlyProperty();
    }

    public long getTime() {
        return time.get();
    }

    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public Snapshot getSnapshot() {
        return snapshot.get();
    }

    /** What the last move of the playhead changed: lanes, queue entries, console lines. */
    public ReadOnlyObjectProperty<TraceIndex.Changes> changesProperty() {
        return changes.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty atEndProperty() {
        return atEnd.getReadOnlyProperty();
    }

    public boolean isAtEnd() {
        return atEnd.get();
    }

    /** Shows a new run, from its start. */
    public void load(TraceIndex ix) {
        index.set(ix);
        position.set(-2);
        moveTo(-1, 0);
    }

    public int eventCount() {
        return index.get() == null ? 0 : index.get().trace().size();
    }

    public long endTime() {
        return index.get() == null ? 0 : index.get().trace().endTime();
    }

    /** Moves to event {@code seq}; the time becomes that event's. */
    public void seekEvent(int seq) {
        if (index.get() == null) {
            return;
        }
        int clamped = Math.clamp(seq, -1, eventCount() - 1);
        moveTo(clamped, clamped < 0 ? 0 : index.get().trace().time(clamped));
    }

    /** Moves the playhead to a time; the position becomes the last event at or before it. */
    public void seekTime(long t) {
        if (index.get() == null) {
            return;
        }
        long clamped = Math.clamp(t, 0, endTime());
        moveTo(index.get().trace().lastIndexAtOrBefore(clamped), clamped);
    }

    public void stepForward() {
        seekEvent(position.get() + 1);
    }

    public void stepBack() {
        seekEvent(position.get() - 1);
    }

    /** To the start of the next loop iteration (or the end). */
    public void nextIteration() {
        if (index.get() == null) {
            return;
        }
        int next = index.get().nextIteration(position.get());
        seekEvent(next < 0 ? eventCount() - 1 : next);
    }

    /** To the start of this iteration, or the previous one when already there. */
    public void previousIteration() {
        if (index.get() == null) {
            return;
        }
        int prev = index.get().previousIteration(position.get());
        seekEvent(prev);
    }

    public void toStart() {
        seekEvent(-1);
    }

    public void toEnd() {
        seekEvent(eventCount() - 1);
    }

    private void moveTo(int seq, long t) {
        int from = position.get();
        TraceIndex ix = index.get();
        if (ix == null) {
            return;
        }
        if (seq != from) {
            changes.set(from >= -1 && seq > from ? ix.changes(from, seq)
                    : seq < from ? ix.changes(Math.max(-1, seq - 1), seq) : TraceIndex.Changes.NONE);
            position.set(seq);
            snapshot.set(ix.snapshot(seq));
        }
        time.set(t);
        atEnd.set(seq >= eventCount() - 1);
    }
}
