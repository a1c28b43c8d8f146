package dev.loopscope.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopscope.engine.Settings;
import dev.loopscope.engine.trace.Trace;
import dev.loopscope.lesson.CodeBlock;
import dev.loopscope.lesson.Course;
import dev.loopscope.lesson.LessonImporter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Python samples of the source lessons in ../shared run unchanged, to their end. */
class SharedLessonSamplesTest {

    private static final Path SHARED = Path.of(System.getProperty("loopscope.shared.dir", "../shared"),
            "lessons", "concurrency-9-11.md");

    @Test
    void theSharedLessonsPythonSamplesRunUnchanged() {
        Course course = new LessonImporter().importFile(SHARED);
        assertThat(course.problems()).isEmpty();
        List<CodeBlock> samples = course.lessons().stream().flatMap(l -> l.codeBlocks().stream())
                .filter(c -> c.language().equals("python")).toList();
        assertThat(samples).hasSize(2);
        for (CodeBlock sample : samples) {
            RunResult r = new PythonRunner().run("sample.py", sample.code(), Settings.defaults(),
                    ProgramRunner.Cancellation.NEVER);
            assertThat(r).as("line %d", sample.firstCodeLine()).isInstanceOf(RunResult.Ran.class);
            Trace t = ((RunResult.Ran) r).trace();
            assertThat(t.stopReason()).isEmpty();
            assertThat(t.exitCode()).isZero();
            assertThat(t.stderr()).isEmpty();
        }
        // Lesson 9's sample: job 2 fails with 'boom' and gather re-raises it; lesson 10's prints what the
        // blocking function returned.
        Trace nine = ((RunResult.Ran) new PythonRunner().run("sample.py", samples.get(0).code(), Settings.defaults(),
                ProgramRunner.Cancellation.NEVER)).trace();
        assertThat(nine.stdout()).isEqualTo("caught boom\n");
        Trace ten = ((RunResult.Ran) new PythonRunner().run("sample.py", samples.get(1).code(), Settings.defaults(),
                ProgramRunner.Cancellation.NEVER)).trace();
        assertThat(ten.stdout()).isEqualTo("done\n");
        assertThat(ten.endTime()).isBetween(1_000_000_000L, 1_100_000_000L);
    }
}
