package dev.loopscope.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The project's CPython golden corpus (src/test/resources/golden): the programs that need no engine module
 * (asyncio, threading, concurrent.futures, multiprocessing, queue, collections) run on the interpreter alone and must print exactly what CPython
 * printed. The others run in the engine's tests once its bindings exist.
 */
class SharedGoldenCorpusTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden");
    static final Pattern ENGINE_MODULES = Pattern.compile("^\\s*(import|from)\\s+(asyncio|threading|concurrent|multiprocessing|queue|collections)",
            Pattern.MULTILINE);

    @TestFactory
    Stream<DynamicTest> interpreterOnlyProgramsMatchCPython() throws IOException {
        if (!Files.isDirectory(GOLDEN)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(GOLDEN)) {
            return files.filter(p -> p.toString().endsWith(".py")).sorted().toList().stream()
                    .filter(p -> !ENGINE_MODULES.matcher(read(p)).find())
                    .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
                        String name = p.getFileName().toString();
                        String base = name.substring(0, name.length() - 3);
                        TestDriver.Result r = TestDriver.run(name, read(p), 1_000_000);
                        assertThat(r.stdout()).as("stdout").isEqualTo(read(GOLDEN.resolve(base + ".stdout")));
                        assertThat(r.stderr()).as("stderr").isEqualTo(read(GOLDEN.resolve(base + ".stderr")));
                        assertThat(r.exitCode()).as("exit").isEqualTo(
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
