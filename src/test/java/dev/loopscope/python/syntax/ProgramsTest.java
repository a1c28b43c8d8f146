package dev.loopscope.python.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Real programs: every .py file under src/test/resources and the lessons' Python examples parse and pass the check. */
class ProgramsTest {

    static Stream<Path> pythonFiles() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src", "test", "resources"))) {
            return files.filter(f -> f.toString().endsWith(".py")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythonFiles")
    void goldenProgramParsesAndPassesTheCheck(Path file) throws IOException {
        String source = Files.readString(file, StandardCharsets.UTF_8);
        ParseResult result = PythonParser.parseAndCheck(file.toString(), source);
        assertThat(result.problems()).as(file.toString()).isEmpty();
    }

    @Test
    void thereAreGoldenPrograms() throws IOException {
        assertThat(pythonFiles()).isNotEmpty();
    }

    static List<String> lessonBlocks() throws IOException {
        String shared = System.getProperty("loopscope.shared.dir", "../shared");
        Path lesson = Path.of(shared, "lessons", "concurrency-9-11.md");
        String text = Files.readString(lesson, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("```python\\n(.*?)```", Pattern.DOTALL).matcher(text);
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    @Test
    void lessonExamplesParseAndPassTheCheck() throws IOException {
        List<String> blocks = lessonBlocks();
        assertThat(blocks).isNotEmpty();
        for (String block : blocks) {
            ParseResult result = PythonParser.parseAndCheck("lesson.py", block);
            assertThat(result.problems()).as(block).isEmpty();
        }
    }
}
