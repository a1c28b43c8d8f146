package dev.loopscope.ui.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopscope.engine.Settings;
import dev.loopscope.engine.trace.TraceIndex;
import dev.loopscope.run.ProgramRunner;
import dev.loopscope.run.PythonRunner;
import dev.loopscope.run.RunResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

class RunViewModelTest {

    private final Queue<Runnable> background = new ArrayDeque<>();

    private void runBackground() {
        while (!background.isEmpty()) {
            background.poll().run();
        }
    }

    @Test
    void aRunPublishesItsIndexAndStatus() {
        RunViewModel vm = new RunViewModel(new PythonRunner(), background::add, Runnable::run);
        List<TraceIndex> done = new ArrayList<>();
        vm.run("hello.py", "print('hi')\n", Settings.defaults(), done::add);
        assertThat(vm.isRunning()).isTrue();
        assertThat(vm.statusProperty().get()).isEqualTo("Running hello.py…");
        runBackground();
        assertThat(vm.isRunning()).isFalse();
        assertThat(done).hasSize(1);
        assertThat(vm.getResult()).isSameAs(done.getFirst());
        assertThat(vm.getResult().trace().stdout()).isEqualTo("hi\n");
        assertThat(vm.statusProperty().get()).startsWith("Ran hello.py to the end:");
        assertThat(vm.errorProperty().get()).isNull();
        assertThat(vm.stopReasonProperty().get()).isNull();
    }

    @Test
    void aCompileErrorIsPublishedWithItsPosition() {
        RunViewModel vm = new RunViewModel(new PythonRunner(), background::add, Runnable::run);
        vm.run("bad.py", "x = (1,\n", Settings.defaults(), ix -> { });
        runBackground();
        RunResult.CompileError e = vm.errorProperty().get();
        assertThat(e).isNotNull();
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(5);
        assertThat(vm.statusProperty().get()).startsWith("Line 1, column 5: ");
        assertThat(vm.getResult()).isNull();
    }

    @Test
    void aRunTheEngineStopsCarriesTheReason() {
        RunViewModel vm = new RunViewModel(new PythonRunner(), background::add, Runnable::run);
        vm.run("forever.py", "import asyncio\n\nasync def main():\n    await asyncio.get_running_loop().create_future()\n\n"
                + "asyncio.run(main())\n", Settings.defaults(), ix -> { });
        runBackground();
        assertThat(vm.stopReasonProperty().get()).isNotBlank();
        assertThat(vm.statusProperty().get()).isEqualTo("The engine stopped forever.py early");
        assertThat(vm.getResult()).isNotNull();
    }

    @Test
    void aNewRunCancelsTheOldOneAndOnlyTheNewestIsPublished() {
        List<String> seen = new ArrayList<>();
        ProgramRunner runner = (file, src, settings, cancel) -> {
            seen.add(file + (cancel.isCancelled() ? " cancelled" : " ran"));
            return cancel.isCancelled() ? new RunResult.Cancelled() : new PythonRunner().run(file, src, settings, cancel);
        };
        RunViewModel vm = new RunViewModel(runner, background::add, Runnable::run);
        List<String> done = new ArrayList<>();
        vm.run("first.py", "print(1)\n", Settings.defaults(), ix -> done.add("first"));
        vm.run("second.py", "print(2)\n", Settings.defaults(), ix -> done.add("second"));
        runBackground();
        assertThat(done).containsExactly("second");
        assertThat(vm.getResult().trace().stdout()).isEqualTo("2\n");
        assertThat(vm.isRunning()).isFalse();
    }

    @Test
    void cancellingSaysSo() {
        RunViewModel vm = new RunViewModel(new PythonRunner(), background::add, Runnable::run);
        vm.run("long.py", "print(1)\n", Settings.defaults(), ix -> { });
        vm.cancel();
        assertThat(vm.statusProperty().get()).isEqualTo("Cancelling long.py…");
        runBackground();
        assertThat(vm.statusProperty().get()).isEqualTo("Run cancelled");
        assertThat(vm.isRunning()).isFalse();
    }

    @Test
    void progressIsReportedWhileALongRunGoes() {
        List<String> progress = new ArrayList<>();
        ProgramRunner slow = new ProgramRunner() {
            @Override
            public RunResult run(String f, String s, Settings settings, Cancellation c) {
                return run(f, s, settings, c, Progress.NONE);
            }

            @Override
            public RunResult run(String f, String s, Settings settings, Cancellation c, Progress p) {
                long until = System.nanoTime() + 400_000_000L;
                while (System.nanoTime() < until) {
                    p.update(1_500_000_000L, 12_345);
                    Thread.onSpinWait();
                }
                return new PythonRunner().run(f, s, settings, c);
            }
        };
        RunViewModel vm = new RunViewModel(slow, background::add, Runnable::run);
        vm.progressProperty().addListener((o, a, b) -> progress.add(b));
        vm.run("slow.py", "print(1)\n", Settings.defaults(), ix -> { });
        runBackground();
        assertThat(progress).contains("1.50 s of virtual time · 12,345 events");
        assertThat(vm.progressProperty().get()).isEmpty();
    }
}
