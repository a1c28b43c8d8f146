package dev.loopscope.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopscope.engine.trace.TraceIndex;
import dev.loopscope.engine.trace.TraceIndex.LaneKind;
import dev.loopscope.run.ProgramRunner;
import dev.loopscope.run.PythonRunner;
import dev.loopscope.run.RunResult;
import dev.loopscope.ui.lab.ModelVariants.Model;
import dev.loopscope.ui.lab.ModelVariants.Workload;
import dev.loopscope.ui.lesson.LessonLibrary;
import dev.loopscope.ui.lesson.Program;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The models lab's templates are plain Python the engine runs, and print what the lesson's program prints. */
class ModelVariantsTest {

    private static final Program ELEVEN = Program.of(new LessonLibrary().load().lesson("11").orElseThrow()).orElseThrow();

    private static TraceIndex run(Model m, Workload w, int cores) {
        RunResult r = new PythonRunner().run(m.fileName(), ModelVariants.source(m, w), m.settings(cores),
                ProgramRunner.Cancellation.NEVER);
        assertThat(r).as(m + " runs").isInstanceOf(RunResult.Ran.class);
        return TraceIndex.of(((RunResult.Ran) r).trace());
    }

    @Test
    void theWorkloadComesFromTheLessonsKnobs() {
        assertThat(ModelVariants.workload(ELEVEN, ELEVEN.defaults(), 100))
                .isEqualTo(new Workload(true, 2, 2, 100));
        assertThat(ModelVariants.workload(ELEVEN, Map.of("kind", "'io'", "jobs", "5", "workers", "1"), 100))
                .isEqualTo(new Workload(false, 5, 1, 100));
        assertThat(ModelVariants.workload(Program.ofFile("x.py", ""), Map.of(), 100))
                .isEqualTo(new Workload(true, 2, 2, 100));
    }

    @Test
    void cpuBoundWorkRunsOnAllCoresOnlyWithoutTheGilOrInProcesses() {
        Workload w = new Workload(true, 2, 2, 300_000);
        Map<Model, TraceIndex> runs = new EnumMap<>(Model.class);
        for (Model m : Model.values()) {
            runs.put(m, run(m, w, 4));
            assertThat(runs.get(m).trace().stdout()).as(m.label)
                    .matches((m == Model.ASYNCIO ? "asyncio" : m == Model.PROCESSES ? "processes" : "threads")
                            + ": \\[899997, 899997\\] in 0\\.\\ds\n");
        }
        long gil = runs.get(Model.THREADS_GIL).trace().endTime();
        assertThat(runs.get(Model.THREADS_FREE).trace().endTime()).isLessThan(gil * 7 / 10);
        assertThat(runs.get(Model.ASYNCIO).trace().endTime()).isGreaterThan(runs.get(Model.THREADS_FREE).trace().endTime());
        assertThat(runs.get(Model.THREADS_GIL).lanes()).anyMatch(l -> l.kind() == LaneKind.GIL && !l.trivial());
        assertThat(runs.get(Model.PROCESSES).lanes()).filteredOn(l -> l.kind() == LaneKind.PROCESS).hasSizeGreaterThan(2);
    }

    @Test
    void ioBoundWorkOverlapsAsManyWaitsAsThereAreWorkers() {
        Workload w = new Workload(false, 4, 2, 1);
        assertThat(run(Model.THREADS_GIL, w, 4).trace().stdout())
                .isEqualTo("threads: ['done', 'done', 'done', 'done'] in 0.6s\n");
        assertThat(run(Model.ASYNCIO, w, 4).trace().stdout())
                .isEqualTo("asyncio: ['done', 'done', 'done', 'done'] in 0.3s\n");
    }

    @Test
    void theDescriptionSaysWhatIsCompared() {
        assertThat(new Workload(true, 3, 2, 3_000_000).describe())
                .isEqualTo("3 CPU-bound jobs (3,000,000 additions each), pools of 2 workers");
        assertThat(new Workload(false, 1, 1, 5).describe()).isEqualTo("1 I/O-bound job (a 0.3 s wait each), pools of 1 worker");
    }
}
