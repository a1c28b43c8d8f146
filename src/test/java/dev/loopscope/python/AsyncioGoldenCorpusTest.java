package dev.loopscope.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopscope.engine.Settings;
import dev.loopscope.engine.Simulation;
import dev.loopscope.engine.trace.Trace;
import dev.loopscope.python.runtime.Interpreter;
import dev.loopscope.python.runtime.PyBridge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The project's asyncio golden programs (src/test/resources/golden) on the engine's simulation through the
 * interpreter and the small {@link ReferenceAsyncio} binding: stdout, stderr and exit status exactly as CPython
 * 3.12. Programs that use threads, executors or asyncio features the reference binding lacks are left to the
 * engine's own binding tests.
 */
class AsyncioGoldenCorpusTest {

    static final Path GOLDEN = SharedGoldenCorpusTest.GOLDEN;
    static final Pattern BEYOND_REFERENCE = Pattern.compile(
            "threading|concurrent|run_in_executor\\((?!None)|to_thread|Queue|Lock|Event|Semaphore|TaskGroup|timeout\\(");

    @TestFactory
    Stream<DynamicTest> asyncioProgramsMatchCPython() throws IOException {
        if (!Files.isDirectory(GOLDEN)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(GOLDEN)) {
            return files.filter(p -> p.toString().endsWith(".py")).sorted().toList().stream()
                    .filter(p -> read(p).contains("asyncio") && !BEYOND_REFERENCE.matcher(read(p)).find())
                    .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
                        String name = p.getFileName().toString();
                        String base = name.substring(0, name.length() - 3);
                        PythonProgram program = ((PythonProgram.CompileResult.Ok) PythonProgram.compile(name,
                                read(p))).program();
                        Interpreter interp = program.newInterpreter(Interpreter.Settings.defaults(),
                                ReferenceAsyncio.modules());
                        // the goldens were recorded on a 2-core machine (default executor: 6 workers)
                        Trace t = new Simulation(Settings.defaults().withCpuCount(2), new PyBridge(interp))
                                .run(program.mainActivity(interp));
                        assertThat(t.stdout()).as("stdout").isEqualTo(read(GOLDEN.resolve(base + ".stdout")));
                        assertThat(t.stderr()).as("stderr").isEqualTo(read(GOLDEN.resolve(base + ".stderr")));
                        assertThat(t.exitCode()).as("exit").isEqualTo(
                                Integer.parseInt(read(GOLDEN.resolve(base + ".exit")).strip()));
                    }));
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
