package dev.loopscope.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.loopscope.engine.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever the source, the front end and engine end in a run (maybe stopped by a budget) or a positioned
 * error: never a Java exception, never a hang.
 */
class FrontEndRobustnessTest {

    private static final Settings SMALL = Settings.defaults().withCpuCount(2)
            .withBudget(20_000, 20 * Settings.SECOND).withCpuBudget(Settings.SECOND / 5);

    private static final List<String> TOKENS = List.of("await ", "async ", "def ", "(", ")", ":", "\n", "    ",
            "asyncio.sleep(0)", "asyncio.gather(", "raise ", "try:", "except ", "finally:", "yield ", "lambda ",
            "return ", "=", "+", "*", "1", "0.5", "'s'", "f'{x}'", "[", "]", ",", "for i in range(3):", "while True:",
            "task.cancel()", "None", "x", ".", "with ", "ThreadPoolExecutor()", "time.sleep(1)", "\"\"\"", "#");

    private static List<String> corpus() {
        try (var files = Files.list(Path.of("src/test/resources/golden"))) {
            List<String> out = new ArrayList<>();
            for (Path p : files.filter(f -> f.toString().endsWith(".py")).sorted().toList()) {
                out.add(Files.readString(p));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void endsCleanly(String source) {
        RunResult r = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> new PythonRunner().run("fuzz.py", source, SMALL, ProgramRunner.Cancellation.NEVER));
        assertThat(r).isInstanceOfAny(RunResult.Ran.class, RunResult.CompileError.class);
        if (r instanceof RunResult.CompileError e) {
            assertThat(e.line()).isPositive();
            assertThat(e.column()).isPositive();
            assertThat(e.message()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> mutatedPrograms() {
        List<String> programs = corpus();
        Arbitrary<String> program = Arbitraries.of(programs);
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 4);
        return Combinators.combine(program, kind, Arbitraries.integers().between(0, 100_000),
                Arbitraries.integers().between(1, 40), Arbitraries.of(TOKENS)).as((src, k, pos, len, token) -> {
                    int at = pos % Math.max(1, src.length());
                    int end = Math.min(src.length(), at + len);
                    List<String> lines = new ArrayList<>(List.of(src.split("\n", -1)));
                    return switch (k) {
                        case 0 -> src.substring(0, at) + src.substring(end);
                        case 1 -> src.substring(0, at) + token + src.substring(at);
                        case 2 -> {
                            int i = pos % lines.size();
                            lines.add(i, lines.get((i + len) % lines.size()));
                            yield String.join("\n", lines);
                        }
                        case 3 -> {
                            int i = pos % lines.size();
                            int j = (i + len) % lines.size();
                            String t = lines.get(i);
                            lines.set(i, lines.get(j));
                            lines.set(j, t);
                            yield String.join("\n", lines);
                        }
                        default -> src.substring(0, end);
                    };
                });
    }

    @Property(tries = 150)
    void mutatedProgramsRunOrAreRefused(@ForAll("mutatedPrograms") String source) {
        endsCleanly(source);
    }

    @Property(tries = 150)
    void tokenSoupsRunOrAreRefused(@ForAll("soups") String source) {
        endsCleanly(source);
    }

    @Provide
    Arbitrary<String> soups() {
        return Arbitraries.of(TOKENS).list().ofMinSize(1).ofMaxSize(40).map(l -> String.join("", l));
    }
}
