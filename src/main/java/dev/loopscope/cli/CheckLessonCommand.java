package dev.loopscope.cli;

import dev.loopscope.lesson.Course;
import dev.loopscope.lesson.Lesson;
import dev.loopscope.lesson.LessonChecker;
import dev.loopscope.lesson.LessonImporter;
import dev.loopscope.lesson.Problem;
import dev.loopscope.lesson.ProgramOutputs;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code loopscope check-lesson FILE.md... [--json]}: validates lesson files, each one on its own. */
@Command(name = "check-lesson", mixinStandardHelpOptions = true,
        description = {
            "Checks lesson files. Prints one summary line per lesson when they are valid;",
            "otherwise prints every problem as FILE:LINE: message on standard error and exits with 1.",
            "Predict questions are checked against the program's output when a program runner is installed."})
public final class CheckLessonCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE.md", description = "Lesson files, each checked on its own.")
    private List<Path> files;

    @Option(names = "--json", description = "Print the parsed lessons and the problems as one JSON document.")
    private boolean json;

    private final Optional<ProgramOutputs> outputs;

    /** Used by picocli: checks predictions with the installed program runner, if there is one. */
    public CheckLessonCommand() {
        this(ProgramOutputs.installed());
    }

    /** Checks predictions with the given runner; tests hand in a fake. */
    CheckLessonCommand(Optional<ProgramOutputs> outputs) {
        this.outputs = Objects.requireNonNull(outputs, "outputs");
    }

    @Override
    public Integer call() {
        // Each file is checked on its own: two files may both hold a lesson 9 (a draft and the course's copy).
        // A file named twice is checked once.
        Map<Path, Path> unique = new LinkedHashMap<>();
        files.forEach(file -> unique.putIfAbsent(file.toAbsolutePath().normalize(), file));
        files = List.copyOf(unique.values());
        List<Lesson> lessons = new ArrayList<>();
        List<Problem> found = new ArrayList<>();
        for (Path file : files) {
            Course one = new LessonImporter().importFile(file);
            lessons.addAll(one.lessons());
            found.addAll(one.problems());
        }
        Course course = new Course(lessons, found);
        List<Problem> problems = new ArrayList<>(course.problems());
        outputs.ifPresent(o -> problems.addAll(LessonChecker.checkPredictions(course, o)));
        // File order as given, then line: the order an author fixes them in.
        problems.sort(Comparator.<Problem>comparingInt(p -> fileIndex(p.file())).thenComparingInt(Problem::line));

        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (json) {
            out.println(LessonJson.write(course, problems, outputs));
        } else {
            course.lessons().forEach(lesson -> out.println(summary(lesson)));
            problems.forEach(err::println);
        }
        out.flush();
        err.flush();
        return problems.isEmpty() ? 0 : 1;
    }

    private int fileIndex(Path file) {
        int index = files.indexOf(file);
        return index < 0 ? files.size() : index;
    }

    static String summary(Lesson lesson) {
        int questions = lesson.questions().size();
        int blocks = lesson.codeBlocks().size();
        return lesson.source().getFileName() + ": lesson " + lesson.number() + " \"" + lesson.title() + "\": "
                + questions + (questions == 1 ? " question, " : " questions, ")
                + blocks + (blocks == 1 ? " code block" : " code blocks");
    }
}
