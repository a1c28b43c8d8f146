package dev.loopscope.lesson;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Lesson files and a stand-in for the program runner, shared by the tests. */
public final class TestLessons {

    private TestLessons() {}

    /** The course file shared with the content authors; read only, never copied. */
    public static Path shared() {
        String dir = System.getProperty("loopscope.shared.dir");
        if (dir == null) {
            throw new IllegalStateException("loopscope.shared.dir is not set (the pom sets it for tests)");
        }
        Path file = Path.of(dir, "lessons", "concurrency-9-11.md");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("missing shared lesson file " + file);
        }
        return file;
    }

    /** The sample lesson that uses every extension directive. */
    public static Path extended() {
        try {
            return Path.of(TestLessons.class.getResource("/lessons/extended.md").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Prints what CPython prints for the two sample programs, reading the knob values they run with; records every
     * run so tests can see what was asked.
     */
    public static final class FakeOutputs implements ProgramOutputs {
        public record Run(String code, Map<String, String> knobValues) {}

        public final List<Run> runs = new CopyOnWriteArrayList<>();

        @Override
        public Result run(String code, Map<String, String> knobValues) {
            runs.add(new Run(code, knobValues));
            if (code.contains("asyncio.gather")) {
                return new Result.Printed(code.contains("return_exceptions=True")
                        ? "[0, 1, ValueError('boom'), 3]\n"
                        : "caught boom\n");
            }
            if (code.contains("OFFLOAD")) {
                return new Result.Printed(code.contains("OFFLOAD = True")
                        ? "tick\ntick\ntick\ndone\n"
                        : "tick\ndone\ntick\ntick\n");
            }
            return new Result.Failed("unknown program");
        }
    }
}
