package dev.loopscope.python;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every program of the golden corpus and compares stdout, stderr and the exit status with what CPython 3.12
 * printed for it (recorded by tools/gen_vm_expectations.py), then checks that pausing after any instruction
 * changes nothing.
 */
class GoldenProgramsTest {

    static final Path GOLDEN = Path.of("src/test/resources/dev/loopscope/python/golden");
    private static final ObjectMapper JSON = new ObjectMapper();

    record Case(String name, String source, String stdout, String stderr, int exit) {}

    static List<Case> cases() throws IOException {
        try (Stream<Path> files = Files.list(GOLDEN)) {
            return files.filter(p -> p.toString().endsWith(".pysrc")).sorted().map(p -> {
                try {
                    String name = p.getFileName().toString().replace(".pysrc", ".py");
                    JsonNode e = JSON.readTree(GOLDEN.resolve(name.replace(".py", ".expect.json")).toFile());
                    return new Case(name, Files.readString(p), e.get("stdout").asText(), e.get("stderr").asText(),
                            e.get("exit").asInt());
                } catch (IOException ex) {
                    throw new IllegalStateException(ex);
                }
            }).toList();
        }
    }

    /** Addresses vary, and so does the library directory: this machine's versus the one recorded. */
    static String scrub(String s) {
        return s.replaceAll("0x[0-9a-f]{6,}", "0xADDR")
                .replace(dev.loopscope.python.runtime.LibraryFrames.DEFAULT_ROOT + "/", "LIB/")
                .replace("/root/.pyenv/versions/3.12.1/lib/python3.12/", "LIB/")
                .replace("/usr/local/lib/python3.12/", "LIB/");
    }

    @TestFactory
    Stream<DynamicTest> programsPrintWhatCPythonPrints() throws IOException {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            TestDriver.Result r = TestDriver.run(c.name(), c.source(), 1_000_000);
            assertThat(scrub(r.stdout())).as("stdout").isEqualTo(scrub(c.stdout()));
            assertThat(scrub(r.stderr())).as("stderr").isEqualTo(scrub(c.stderr()));
            assertThat(r.exitCode()).as("exit status").isEqualTo(c.exit());
        }));
    }

    @Provide
    Arbitrary<Case> golden() throws IOException {
        List<Case> all = cases().stream().filter(c -> c.source().length() < 4000 && !c.name().startsWith("perf"))
                .toList();
        return Arbitraries.of(all);
    }

    @Property(tries = 40)
    void pausingAfterAnyInstructionChangesNothing(@ForAll("golden") Case c,
                                                  @ForAll("budgets") long budget) {
        TestDriver.Result whole = TestDriver.run(c.name(), c.source(), Long.MAX_VALUE / 4);
        TestDriver.Result sliced = TestDriver.run(c.name(), c.source(), budget);
        assertThat(sliced.stdout()).isEqualTo(whole.stdout());
        assertThat(sliced.stderr()).isEqualTo(whole.stderr());
        assertThat(sliced.exitCode()).isEqualTo(whole.exitCode());
        assertThat(sliced.virtualNanos()).isEqualTo(whole.virtualNanos());
    }

    @Provide
    Arbitrary<Case> consumingGenerators() throws IOException {
        return Arbitraries.of(cases().stream().filter(c -> c.name().startsWith("builtin_gen")).toList());
    }

    /** Builtins run generators, key functions and map functions on the thread: pausing inside them is invisible. */
    @Property(tries = 30)
    void pausingInsideBuiltinsThatRunPythonCodeChangesNothing(@ForAll("consumingGenerators") Case c,
                                                              @ForAll("budgets") long budget) {
        TestDriver.Result whole = TestDriver.run(c.name(), c.source(), Long.MAX_VALUE / 4);
        TestDriver.Result sliced = TestDriver.run(c.name(), c.source(), budget);
        assertThat(whole.stdout()).isEqualTo(c.stdout());
        assertThat(sliced.stdout()).isEqualTo(whole.stdout());
        assertThat(sliced.stderr()).isEqualTo(whole.stderr());
        assertThat(sliced.exitCode()).isEqualTo(whole.exitCode());
        assertThat(sliced.virtualNanos()).isEqualTo(whole.virtualNanos());
        assertThat(sliced.slices()).isGreaterThan(whole.slices());
    }

    @Provide
    Arbitrary<Long> budgets() {
        return Arbitraries.of(1L, 2L, 3L, 7L, 13L, 100L, 1000L);
    }
}
