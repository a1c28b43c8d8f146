package dev.loopscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopscope.lesson.ProgramOutputs;
import dev.loopscope.lesson.TestLessons;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CheckLessonCommandTest {

    private static final String SHARED = TestLessons.shared().toString();
    private static final String EXTENDED = TestLessons.extended().toString();

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }

        List<String> errLines() {
            return err.lines().toList();
        }

        JsonNode json() throws IOException {
            return new ObjectMapper().readTree(out);
        }
    }

    /** Runs the launcher's command line, as {@code loopscope ARGS} would. */
    private static Run loopscope(String... args) {
        return run(new CommandLine(new Main()), args);
    }

    private static Run checkWith(ProgramOutputs outputs, String... args) {
        return run(new CommandLine(new CheckLessonCommand(Optional.of(outputs))), args);
    }

    /** check-lesson with no program runner at all: predictions are not checked. */
    private static Run checkWithoutRunner(String... args) {
        return run(new CommandLine(new CheckLessonCommand(Optional.empty())), args);
    }

    private static Run run(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void validFilePrintsOneSummaryLinePerLesson() {
        Run run = loopscope("check-lesson", SHARED);
        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines()).containsExactly(
                "concurrency-9-11.md: lesson 9 \"Creating & managing asyncio tasks\": 2 questions, 1 code block",
                "concurrency-9-11.md: lesson 10 \"Mixing blocking and async code safely\": 2 questions, 1 code block",
                "concurrency-9-11.md: lesson 11 \"Choosing the right model\": 2 questions, 1 code block");
    }

    @Test
    void problemsGoToStandardErrorWithExitOne() throws IOException {
        String text = TestLessons.read(TestLessons.shared());
        Path bad = Files.writeString(dir.resolve("bad.md"), text
                .replace("1. **a**.", "1. **c**.")
                .replace("2. **True**.\n", "")
                .replace("## 10. Mixing", "## Mixing"));
        Run run = loopscope("check-lesson", bad.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly(
                bad + ":26: question 2 has no answer in the answer key",
                bad + ":34: section \"Mixing blocking and async code safely\" has no lesson number (expected a"
                        + " heading like \"## 9. Title\")",
                bad + ":93: answer key names option 'c' for question 1, which has options a, b");
        assertThat(run.outLines()).containsExactly(
                "bad.md: lesson 9 \"Creating & managing asyncio tasks\": 1 question, 1 code block",
                "bad.md: lesson 11 \"Choosing the right model\": 1 question, 1 code block");
    }

    @Test
    void everyFileIsCheckedAndProblemsFollowTheFileOrder() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.md"));
        Path missing = dir.resolve("missing.md");
        Run run = loopscope("check-lesson", missing.toString(), SHARED, empty.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly(missing + ":1: cannot read file: no such file",
                empty + ":1: file is empty");
        assertThat(run.outLines()).hasSize(3);
    }

    @Test
    void eachFileIsCheckedOnItsOwnSoTwoFilesMayHoldTheSameLesson() throws IOException {
        String text = TestLessons.read(TestLessons.shared());
        Path draft = Files.writeString(dir.resolve("draft.md"), text.substring(0, text.indexOf("## 10.")));
        Run run = loopscope("check-lesson", SHARED, draft.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.exit()).isZero();
        assertThat(run.outLines()).hasSize(4).last().asString().startsWith("draft.md: lesson 9 ");
        Run json = loopscope("check-lesson", "--json", draft.toString(), SHARED);
        assertThat(json.exit()).isZero();
        assertThat(json.json().get("lessons")).extracting(l -> l.get("number").textValue())
                .containsExactly("9", "9", "10", "11");

        Path twice = Files.writeString(dir.resolve("twice.md"), text + "\n" + text.substring(0, text.indexOf("## 10.")));
        Run within = loopscope("check-lesson", twice.toString(), SHARED);
        assertThat(within.exit()).isEqualTo(1);
        assertThat(within.errLines()).containsExactly(twice + ":98: duplicate lesson number 9 (first at line 1)");
    }

    @Test
    void aFileNamedTwiceIsCheckedOnce() {
        Run run = loopscope("check-lesson", SHARED, SHARED, Path.of(SHARED).getParent().resolve(".")
                .resolve("concurrency-9-11.md").toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.exit()).isZero();
        assertThat(run.outLines()).hasSize(3);
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(loopscope("check-lesson").exit()).isEqualTo(2);
        Run unknown = loopscope("check-lesson", "--yaml", SHARED);
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown option: '--yaml'");
        assertThat(loopscope("check-lesson", "--help").exit()).isZero();
    }

    @Test
    void jsonHasExactlyTheDocumentedShape() throws IOException {
        Run run = loopscope("check-lesson", "--json", SHARED);
        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode root = run.json();
        assertThat(fieldNames(root)).containsExactly("lessons", "problems");
        assertThat(root.get("problems").isArray()).isTrue();
        assertThat(root.get("problems")).isEmpty();
        JsonNode lessons = root.get("lessons");
        assertThat(lessons).hasSize(3);
        assertThat(StreamSupport.stream(lessons.spliterator(), false).map(l -> l.get("number").textValue()))
                .containsExactly("9", "10", "11");

        JsonNode nine = lessons.get(0);
        assertThat(fieldNames(nine)).contains("number", "title", "codeBlocks", "questions");
        assertThat(nine.get("number").isTextual()).isTrue();
        assertThat(nine.get("title").textValue()).isEqualTo("Creating & managing asyncio tasks");
        assertThat(nine.get("codeBlocks")).hasSize(1);
        assertThat(fieldNames(nine.get("codeBlocks").get(0))).containsExactly("language", "firstLine");
        assertThat(nine.get("codeBlocks").get(0).get("language").textValue()).isEqualTo("python");
        assertThat(nine.get("codeBlocks").get(0).get("firstLine").intValue()).isEqualTo(6);

        JsonNode choice = nine.get("questions").get(0);
        assertThat(fieldNames(choice)).containsExactly("number", "kind", "prompt", "options", "answer", "explanation");
        assertThat(choice.get("number").intValue()).isEqualTo(1);
        assertThat(choice.get("kind").textValue()).isEqualTo("choice");
        assertThat(choice.get("prompt").textValue()).isEqualTo("asyncio.gather(..., return_exceptions=True) will:");
        assertThat(fieldNames(choice.get("options"))).containsExactly("a", "b");
        assertThat(choice.get("options").get("a").textValue()).isEqualTo("raise first error");
        assertThat(choice.get("options").get("b").textValue()).isEqualTo("collect exceptions in results list");
        assertThat(choice.get("answer").textValue()).isEqualTo("b");
        assertThat(choice.get("explanation").isNull()).isTrue();

        JsonNode trueFalse = nine.get("questions").get(1);
        assertThat(fieldNames(trueFalse)).containsExactly("number", "kind", "prompt", "answer", "explanation");
        assertThat(trueFalse.get("kind").textValue()).isEqualTo("true_false");
        assertThat(trueFalse.get("prompt").textValue()).isEqualTo("Cancelling a task triggers CancelledError inside it.");
        assertThat(trueFalse.get("answer").textValue()).isEqualTo("true");

        JsonNode ten = lessons.get(1);
        assertThat(ten.get("codeBlocks").get(0).get("firstLine").intValue()).isEqualTo(40);
        assertThat(ten.get("questions").get(1).get("answer").textValue()).isEqualTo("false");
        assertThat(ten.get("questions").get(1).get("explanation").textValue()).isEqualTo("use processes for CPU.");
        assertThat(ten.get("questions").get(1).get("prompt").textValue())
                .isEqualTo("CPU\u2011heavy tasks benefit more from ThreadPool than ProcessPool.");

        JsonNode eleven = lessons.get(2);
        assertThat(eleven.get("codeBlocks")).hasSize(1);
        assertThat(eleven.get("codeBlocks").get(0).get("language").textValue()).isEqualTo("text");
        assertThat(eleven.get("codeBlocks").get(0).get("firstLine").intValue()).isEqualTo(79);
        assertThat(eleven.get("questions").get(0).get("answer").textValue()).isEqualTo("a");
        assertThat(eleven.get("questions").get(1).get("explanation").textValue()).isEqualTo("still single thread.");
        assertThat(eleven.get("questions").get(1).get("prompt").textValue())
                .isEqualTo("asyncio can utilise multiple CPU cores without extra processes.");
    }

    @Test
    void jsonWithProblemsStillPrintsTheDocumentAndExitsOne() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.md"),
                TestLessons.read(TestLessons.shared()).replace("2. **False** – still", "2. **Maybe** – still"));
        Run run = loopscope("check-lesson", bad.toString(), "--json");
        assertThat(run.exit()).isEqualTo(1);
        JsonNode problems = run.json().get("problems");
        assertThat(problems).hasSize(1);
        assertThat(fieldNames(problems.get(0))).containsExactly("file", "line", "message");
        assertThat(problems.get(0).get("file").textValue()).isEqualTo(bad.toString());
        assertThat(problems.get(0).get("line").intValue()).isEqualTo(95);
        assertThat(problems.get(0).get("message").textValue())
                .isEqualTo("answer key gives 'Maybe' for true/false question 2 (expected True or False)");
        assertThat(run.json().get("lessons").get(2).get("questions")).hasSize(1);
    }

    @Test
    void extensionDataAppearsOnlyWhereItIsUsed() throws IOException {
        Run run = checkWithoutRunner("--json", EXTENDED);
        assertThat(run.exit()).isZero();
        JsonNode lessons = run.json().get("lessons");
        JsonNode animate = lessons.get(0).get("animate");
        assertThat(animate.get("view").textValue()).isEqualTo("tasks");
        assertThat(animate.get("knobs")).hasSize(4);
        assertThat(animate.get("knobs").get(2).get("kind").textValue()).isEqualTo("int");
        assertThat(animate.get("knobs").get(2).get("max").intValue()).isEqualTo(8);
        assertThat(lessons.get(2).has("animate")).isFalse();
        JsonNode predict = lessons.get(0).get("questions").get(1);
        assertThat(predict.get("kind").textValue()).as("a predict question is a choice question").isEqualTo("choice");
        assertThat(fieldNames(predict)).containsExactly("number", "kind", "prompt", "options", "answer",
                "explanation", "predict");
        assertThat(predict.get("answer").isNull()).as("nothing to run the program with").isTrue();
        assertThat(predict.get("predict").get("output").textValue()).isEqualTo("first");
        assertThat(predict.get("predict").get("with").get("exceptions").textValue()).isEqualTo("True");
        assertThat(lessons.get(0).get("questions").get(2).has("predict")).isFalse();
    }

    @Test
    void predictQuestionsAreCheckedAgainstTheProgramOutput() throws IOException {
        Run run = checkWith(new TestLessons.FakeOutputs(), "--json", EXTENDED);
        assertThat(run.exit()).isZero();
        JsonNode questions = run.json().get("lessons").get(0).get("questions");
        assertThat(questions.get(0).get("answer").textValue()).isEqualTo("a");
        assertThat(questions.get(1).get("answer").textValue()).isEqualTo("b");
    }

    @Test
    void predictQuestionMatchingNoOptionOrFailingIsAProblem() {
        ProgramOutputs prints = (code, knobs) -> new ProgramOutputs.Result.Printed(
                code.contains("OFFLOAD") ? "done\n" : "caught nothing\n");
        Run run = checkWith(prints, EXTENDED);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly(
                EXTENDED + ":34: predict question 1: the program prints 'caught nothing', which matches no option",
                EXTENDED + ":37: predict question 2: the program prints 'caught nothing', which matches no option");

        ProgramOutputs failing = (code, knobs) -> new ProgramOutputs.Result.Failed("deadlock at t=3s");
        assertThat(checkWith(failing, EXTENDED).errLines()).contains(
                EXTENDED + ":88: predict question 1: the program failed: deadlock at t=3s");

        ProgramOutputs lessonTwoOnly = (code, knobs) -> new ProgramOutputs.Result.Printed("tick\n");
        assertThat(checkWith(lessonTwoOnly, EXTENDED).errLines()).as("'tick' is the last line: option a only")
                .noneMatch(line -> line.startsWith(EXTENDED + ":88:"));
    }

    @Test
    void predictQuestionWhoseOutputMatchesSeveralOptions() throws IOException {
        Path lesson = Files.writeString(dir.resolve("twice.md"), """
                ## 1. Twice

                ```python animate view=tasks
                print('x')
                ```

                ### Quick check

                1. What is printed? <!-- loopscope: predict -->
                  a. `x`   b. x   c. `y`

                <details><summary>Answer key</summary>
                1. – a and b say the same.
                </details>
                """);
        ProgramOutputs prints = (code, knobs) -> new ProgramOutputs.Result.Printed("x\n");
        Run run = checkWith(prints, lesson.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly(
                lesson + ":9: predict question 1: the program prints 'x', which matches options a and b");
        assertThat(checkWithoutRunner(lesson.toString()).exit()).as("nothing to run it with").isZero();
    }

    @Test
    void theInstalledRunnerAnswersTheCoursesPredictQuestionsAsCPythonDid() throws IOException {
        List<String> files;
        try (var list = Files.list(Path.of("assets/lessons"))) {
            files = list.filter(p -> p.toString().endsWith(".md")).sorted().map(Path::toString).toList();
        }
        List<String> args = new java.util.ArrayList<>(List.of("check-lesson", "--json"));
        args.addAll(files);
        Run run = loopscope(args.toArray(String[]::new));
        assertThat(run.exit()).as(run.err()).isZero();
        // index.tsv: which option CPython's recorded output selects, per lesson and predict question.
        Map<String, String> expected = new java.util.HashMap<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/lesson-outputs/index.tsv")).subList(1,
                Files.readAllLines(Path.of("src/test/resources/lesson-outputs/index.tsv")).size())) {
            String[] cols = line.split("\t", -1);
            for (String q : cols[4].isBlank() ? new String[0] : cols[4].split(" ")) {
                String[] parts = q.split(":");
                expected.put(cols[2] + "/" + parts[0], parts[2]);
            }
        }
        assertThat(expected).isNotEmpty();
        int checked = 0;
        for (JsonNode lesson : run.json().get("lessons")) {
            for (JsonNode q : lesson.get("questions")) {
                if (q.has("predict")) {
                    String key = lesson.get("number").textValue() + "/" + q.get("number").intValue();
                    assertThat(q.get("answer").textValue()).as(key).isEqualTo(expected.get(key));
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(expected.size());
    }

    private static List<String> fieldNames(JsonNode node) {
        return StreamSupport.stream(node.properties().spliterator(), false).map(Map.Entry::getKey).toList();
    }
}
