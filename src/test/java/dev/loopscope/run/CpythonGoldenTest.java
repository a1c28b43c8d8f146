package dev.loopscope.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopscope.engine.Settings;
import dev.loopscope.engine.trace.Trace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every program of the CPython golden corpus ({@code src/test/resources/golden}, recorded by
 * {@code tools/record-goldens}) and every code block of the course ({@code src/test/resources/lesson-outputs},
 * recorded by {@code tools/record-lesson-outputs}) runs through the whole front end and engine and must print
 * byte for byte what CPython 3.12.1 printed, with the same exit status. The recordings were made on a 2-core
 * machine, so the runs simulate 2 cores; the recorders strip the program's directory from paths.
 */
class CpythonGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final Path LESSONS = Path.of("src/test/resources/lesson-outputs");

    static List<Path> programs(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".py")).sorted().toList();
        }
    }

    static void assertRunsAsRecorded(Path program) throws IOException {
        String name = program.getFileName().toString();
        String base = name.substring(0, name.length() - 3);
        Path dir = program.getParent();
        String source = Files.readString(program, StandardCharsets.UTF_8);
        RunResult r = new PythonRunner().run(name, source, Settings.defaults().withCpuCount(2),
                ProgramRunner.Cancellation.NEVER);
        assertThat(r).as("%s runs", name).isInstanceOf(RunResult.Ran.class);
        Trace trace = ((RunResult.Ran) r).trace();
        assertThat(trace.stopReason()).as("%s stopped early", name).isEmpty();
        assertThat(trace.stdout()).as("%s stdout", name).isEqualTo(Files.readString(dir.resolve(base + ".stdout")));
        assertThat(trace.stderr()).as("%s stderr", name).isEqualTo(Files.readString(dir.resolve(base + ".stderr")));
        assertThat(trace.exitCode()).as("%s exit status", name)
                .isEqualTo(Integer.parseInt(Files.readString(dir.resolve(base + ".exit")).strip()));
    }

    @TestFactory
    Stream<DynamicTest> goldenProgramsPrintWhatCPythonPrinted() throws IOException {
        List<Path> programs = programs(GOLDEN);
        assertThat(programs).hasSizeGreaterThanOrEqualTo(30);
        return programs.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(),
                () -> assertRunsAsRecorded(p)));
    }

    @TestFactory
    Stream<DynamicTest> courseCodePrintsWhatCPythonPrinted() throws IOException {
        List<Path> programs = programs(LESSONS);
        assertThat(programs).isNotEmpty();
        return programs.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(),
                () -> assertRunsAsRecorded(p)));
    }
}
