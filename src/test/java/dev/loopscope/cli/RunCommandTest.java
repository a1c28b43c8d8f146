package dev.loopscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunCommandTest {

    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {}

    private Result run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        RunCommand command = new RunCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit = new CommandLine(command).execute(args);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path program(String name, String source) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, source);
        return p;
    }

    @Test
    void printsTheProgramsOutputInVirtualTime() throws Exception {
        Path p = program("sleepy.py", """
                import asyncio
                async def main():
                    loop = asyncio.get_running_loop()
                    t0 = loop.time()
                    await asyncio.sleep(5)
                    print(round(loop.time() - t0, 3))
                asyncio.run(main())
                """);
        long start = System.nanoTime();
        Result r = run("", p.toString());
        assertThat(System.nanoTime() - start).as("a five-second sleep returns at once").isLessThan(4_000_000_000L);
        assertThat(r.out()).isEqualTo("5.0\n");
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
    }

    @Test
    void anUncaughtExceptionGivesCPythonsTracebackAndExitOne() throws Exception {
        Path p = program("boom.py", """
                def f():
                    raise ValueError("boom")
                f()
                """);
        Result r = run("", p.toString());
        assertThat(r.exit()).isEqualTo(1);
        String file = p.toAbsolutePath().normalize().toString();
        assertThat(r.err()).isEqualTo("Traceback (most recent call last):\n"
                + "  File \"" + file + "\", line 3, in <module>\n    f()\n"
                + "  File \"" + file + "\", line 2, in f\n    raise ValueError(\"boom\")\nValueError: boom\n");
    }

    @Test
    void aRelativePathIsNamedAsCPythonNamesIt() throws Exception {
        Path p = program("rel.py", "1 / 0\n");
        // CPython joins the working directory and the path as typed, without normalising "./", ".." or "//"
        String cwd = System.getProperty("user.dir");
        String typed = "./" + Path.of(cwd).relativize(p.toAbsolutePath()).toString().replace("/rel.py", "//rel.py");
        Result r = run("", typed);
        assertThat(r.err()).startsWith("Traceback (most recent call last):\n  File \"" + cwd + "/" + typed + "\", line 1");
    }

    @Test
    void anUncaughtKeyboardInterruptExitsAsSigintWould() throws Exception {
        Path p = program("interrupted.py", "print('working')\nraise KeyboardInterrupt\n");
        Result r = run("", p.toString());
        // in process the status says it (a command-line run ends by SIGINT itself, as CPython does)
        assertThat(r.exit()).isEqualTo(130);
        assertThat(r.out()).isEqualTo("working\n");
        assertThat(r.err()).endsWith("KeyboardInterrupt\n");
    }

    @Test
    void readsTheProgramFromStandardInput() {
        Result r = run("print('from stdin', 6 * 7)\n", "-");
        assertThat(r.out()).isEqualTo("from stdin 42\n");
        assertThat(r.exit()).isZero();
    }

    @Test
    void anUnreadableFileExitsTwoWithAClearMessage() {
        Result r = run("", dir.resolve("missing.py").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("loopscope run: cannot read ").contains("missing.py").contains("no such file");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aFileThatIsNotUtf8ExitsTwo() throws Exception {
        Path p = dir.resolve("latin1.py");
        Files.write(p, new byte[] {'#', ' ', (byte) 0xC3, (byte) 0xA9, '\n', 'x', ' ', '=', ' ', '\'', (byte) 0xE9, '\'',
            '\n'});
        Result r = run("", p.toString());
        assertThat(r.exit()).isEqualTo(2);
        // Where: line 2, the sixth character (the é of line 1 is fine, two bytes but one character).
        assertThat(r.err()).isEqualTo(p.toAbsolutePath() + ":2:6: the program is not valid UTF-8 text (byte 0xE9); "
                + "save it as UTF-8\n");
    }

    @Test
    void aSyntaxErrorIsReportedWithFileLineAndColumn() throws Exception {
        Path p = program("bad.py", "x = 1\nif x\n    print(x)\n");
        Result r = run("", p.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith(p.toAbsolutePath().normalize() + ":2:5: SyntaxError: expected ':'");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aConstructOutsideTheSubsetIsRefusedBeforeRunning() throws Exception {
        Path p = program("sub.py", "print('before')\nmatch 1:\n    case 1:\n        pass\n");
        Result r = run("", p.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).as("nothing runs").isEmpty();
        assertThat(r.err()).contains(":2:1:").contains("src/docs/python-subset.md");
    }

    @Test
    void aProgramThatNeverEndsStopsAtTheBudget() throws Exception {
        Path p = program("forever.py", """
                import asyncio
                async def main():
                    while True:
                        await asyncio.sleep(1)
                asyncio.run(main())
                """);
        Result r = run("", "--max-events", "20000", p.toString());
        assertThat(r.exit()).isEqualTo(RunCommand.STOPPED);
        assertThat(r.err()).contains("stopped: budget exceeded: more than 20000 trace events");
    }

    @Test
    void aCpuLoopThatNeverEndsStopsAtTheCpuBudget() throws Exception {
        Path p = program("spin.py", "n = 0\nwhile True:\n    n += 1\n");
        Result r = run("", "--max-cpu-seconds", "0.5", p.toString());
        assertThat(r.exit()).isEqualTo(RunCommand.STOPPED);
        assertThat(r.err()).contains("stopped: budget exceeded: more than 0.5 s of CPU time");
    }

    @Test
    void writesTheTraceAsJsonLines() throws Exception {
        Path p = program("t.py", """
                import asyncio
                async def main():
                    await asyncio.gather(asyncio.sleep(0.1), asyncio.sleep(0.2))
                    print("done")
                asyncio.run(main())
                """);
        Path trace = dir.resolve("trace.jsonl");
        Result r = run("", "--trace", trace.toString(), p.toString());
        assertThat(r.exit()).isZero();
        List<String> lines = Files.readAllLines(trace);
        ObjectMapper json = new ObjectMapper();
        assertThat(lines).allSatisfy(l -> assertThat(json.readTree(l).isObject()).isTrue());
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"table\":\"task\"").contains("\"name\":\"Task-2\""));
        assertThat(json.readTree(lines.getLast()).get("stdout").asText()).isEqualTo("done\n");
    }

    @Test
    void cpusSetWhatOsCpuCountReports() throws Exception {
        Path p = program("cpus.py", "import os\nprint(os.cpu_count())\n");
        assertThat(run("", "--cpus", "3", p.toString()).out()).isEqualTo("3\n");
    }
}
