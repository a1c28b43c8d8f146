package dev.loopscope.ui.run;

import dev.loopscope.engine.Settings;
import dev.loopscope.engine.trace.TraceIndex;
import dev.loopscope.run.ProgramRunner;
import dev.loopscope.run.RunResult;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Runs programs off the UI thread and publishes the outcome: the indexed trace, a compile error, or the reason
 * the engine stopped the run. A new run cancels the one under way; results of a cancelled run are dropped.
 */
public final class RunViewModel {

    private final ProgramRunner runner;
    private final Executor background;
    private final Executor ui;
    private final ReadOnlyObjectWrapper<TraceIndex> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<RunResult.CompileError> error = new ReadOnlyObjectWrapper<>(this, "error");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper stopReason = new ReadOnlyStringWrapper(this, "stopReason");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final ReadOnlyStringWrapper fileName = new ReadOnlyStringWrapper(this, "fileName", "");
    private AtomicBoolean current = new AtomicBoolean();
    private int generation;

    /**
     * @param background where runs execute (never the UI thread in the app)
     * @param ui where results are published (the FX thread in the app; a direct executor in unit tests)
     */
    public RunViewModel(ProgramRunner runner, Executor background, Executor ui) {
        this.runner = runner;
        this.background = background;
        this.ui = ui;
    }

    public ReadOnlyObjectProperty<TraceIndex> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public TraceIndex getResult() {
        return result.get();
    }

    public ReadOnlyObjectProperty<RunResult.CompileError> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    /** A line for the status bar: "Running…", "Ran 1,234 events", an error. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why the engine stopped the last run early, or null. */
    public ReadOnlyStringProperty stopReasonProperty() {
        return stopReason.getReadOnlyProperty();
    }

    /** How far the run under way has got ("0.62 s of virtual time · 12,345 events"), or "". */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The file name of the last run started. */
    public ReadOnlyStringProperty fileNameProperty() {
        return fileName.getReadOnlyProperty();
    }

    /** Starts a run; {@code onDone} gets the index on the UI executor when it succeeds. */
    public void run(String fileName, String source, Settings settings, Consumer<TraceIndex> onDone) {
        current.set(true);
        AtomicBoolean cancelled = new AtomicBoolean();
        current = cancelled;
        int gen = ++generation;
        running.set(true);
        this.fileName.set(fileName);
        status.set("Running " + fileName + "…");
        progress.set("");
        long[] lastReport = {System.nanoTime()};
        ProgramRunner.Progress report = (virtualNs, events) -> {
            long now = System.nanoTime();
            // A few updates a second are enough to see that the run moves; more would flood the UI thread.
            if (now - lastReport[0] > 150_000_000L) {
                lastReport[0] = now;
                String text = String.format(java.util.Locale.ROOT, "%.2f s of virtual time · %,d events",
                        virtualNs / 1e9, events);
                ui.execute(() -> {
                    if (gen == generation && running.get()) {
                        progress.set(text);
                    }
                });
            }
        };
        background.execute(() -> {
            if (cancelled.get()) {
                ui.execute(() -> publish(gen, new RunResult.Cancelled(), null, onDone));
                return;
            }
            RunResult r;
            TraceIndex ix = null;
            try {
                r = runner.run(fileName, source, settings, cancelled::get, report);
                if (r instanceof RunResult.Ran(var trace)) {
                    ix = TraceIndex.of(trace);
                }
            } catch (RuntimeException | StackOverflowError e) {
                r = new RunResult.CompileError(1, 1, 1, "the run failed: " + e);
            }
            RunResult outcome = r;
            TraceIndex index = ix;
            ui.execute(() -> publish(gen, outcome, index, onDone));
        });
    }

    public void run(String fileName, String source, Settings settings) {
        run(fileName, source, settings, ix -> { });
    }

    /** Asks the run under way to stop. */
    public void cancel() {
        current.set(true);
        if (running.get()) {
            status.set("Cancelling " + fileName.get() + "…");
        }
    }

    private void publish(int gen, RunResult r, TraceIndex ix, Consumer<TraceIndex> onDone) {
        if (gen != generation) {
            return;
        }
        running.set(false);
        progress.set("");
        switch (r) {
            case RunResult.Ran ran -> {
                error.set(null);
                stopReason.set(ran.trace().stopReason().orElse(null));
                result.set(ix);
                status.set(ran.trace().stopReason().map(s -> "The engine stopped " + fileName.get() + " early")
                        .orElse(String.format(java.util.Locale.ROOT, "Ran %s to the end: %,d events, %.3f s of virtual time",
                                fileName.get(), ran.trace().size(), ran.trace().endTime() / 1e9)));
                onDone.accept(ix);
            }
            case RunResult.CompileError e -> {
                error.set(e);
                stopReason.set(null);
                status.set("Line " + e.line() + ", column " + e.column() + ": " + e.message());
            }
            case RunResult.Cancelled c -> status.set("Run cancelled");
        }
    }
}
