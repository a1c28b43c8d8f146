package dev.loopscope.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Kills a real JVM in the middle of saving, again and again: the file must always hold a whole state. */
class KillDuringSaveTest {

    private static final int ROUNDS = 6;

    @TempDir
    Path dir;

    @TempDir
    Path logs;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void progressFileIsAlwaysTheOldOrTheNewState() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        String classPath = System.getProperty("java.class.path");
        Random random = new Random();
        long previous = 0;
        long savesSeen = 0;
        for (int round = 0; round < ROUNDS; round++) {
            // The child's output goes to a file, not a pipe: killing a process closes our end of its pipes,
            // which would lose lines it printed but we had not read yet.
            Path log = Files.createTempFile(logs, "saver", ".log");
            Process child = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", classPath,
                    ProgressSaverProcess.class.getName(), dir.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            waitForStart(log, child);
            // Let it save for a random while, then kill it wherever it is: writing, forcing, renaming, printing.
            Thread.sleep(20 + random.nextInt(250));
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);

            long started = Long.parseLong(lines.getFirst().substring("start ".length()));
            assertThat(started).as("round %d starts from the file left by the last kill", round).isEqualTo(previous);
            long lastPrinted = lines.stream().filter(l -> l.startsWith("saved ")).mapToLong(
                    l -> Long.parseLong(l.substring("saved ".length()))).max().orElse(started);
            savesSeen += lastPrinted - started;

            ProgressStore.Loaded loaded = new ProgressStore(dir).load();
            assertThat(loaded.notice()).as("round %d: the file must parse", round).isEmpty();
            long onDisk = ProgressSaverProcess.generation(loaded.progress()).orElse(0L);
            // The last printed save is complete; the kill may have come after the next rename but before its print.
            assertThat(onDisk).as("round %d", round).isBetween(lastPrinted, lastPrinted + 1);
            assertThat(loaded.progress()).isEqualTo(onDisk == 0 ? Progress.empty() : ProgressSaverProcess.state(onDisk));
            previous = onDisk;
        }
        assertThat(savesSeen).as("the children saved while being killed").isGreaterThan(ROUNDS);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("corrupt"));
        }
    }

    private static void waitForStart(Path log, Process child) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            // A second line means the first ("start N") was written whole.
            if (lines.size() > 1) {
                assertThat(lines.getFirst()).startsWith("start ");
                return;
            }
            assertThat(child.isAlive()).as("child died early: %s", lines).isTrue();
            Thread.sleep(5);
        }
        child.destroyForcibly();
        throw new AssertionError("child did not start");
    }
}
