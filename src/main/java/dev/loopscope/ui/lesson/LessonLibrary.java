package dev.loopscope.ui.lesson;

import dev.loopscope.lesson.CodeBlock;
import dev.loopscope.lesson.Course;
import dev.loopscope.lesson.LabView;
import dev.loopscope.lesson.Lesson;
import dev.loopscope.lesson.LessonImporter;
import dev.loopscope.run.DemoPrograms;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the lessons: {@code assets/lessons/} (under {@code loopscope.assets.dir}, the working directory or the
 * app image), any lesson file the user opens, and a bundled copy of the course so the app always has one; and
 * picks the program each lesson animates.
 */
public final class LessonLibrary {

    private final LessonImporter importer = new LessonImporter();

    /** The lessons found where the app looks for them, in number order. */
    public Course load() {
        for (Path dir : candidates()) {
            if (Files.isDirectory(dir)) {
                Course c = importer.importDirectory(dir);
                if (!c.lessons().isEmpty()) {
                    return c;
                }
            }
        }
        return bundled();
    }

    public Course open(Path file) {
        return importer.importFile(file);
    }

    private static List<Path> candidates() {
        List<Path> dirs = new ArrayList<>();
        String assets = System.getProperty("loopscope.assets.dir");
        if (assets != null) {
            dirs.add(Path.of(assets, "lessons"));
        }
        dirs.add(Path.of("assets", "lessons"));
        String home = System.getProperty("java.home");
        if (home != null) {
            dirs.add(Path.of(home, "assets", "lessons"));
        }
        String shared = System.getProperty("loopscope.shared.dir");
        if (shared != null) {
            dirs.add(Path.of(shared, "lessons"));
        }
        return dirs;
    }

    /** The course shipped inside the app. */
    public Course bundled() {
        try (InputStream in = LessonLibrary.class.getResourceAsStream("course.md")) {
            if (in == null) {
                return new Course(List.of(), List.of());
            }
            return importer.importText(Path.of("course.md"), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Course(List.of(), List.of());
        }
    }

    /**
     * The program a lesson animates: its animated code block with its knobs; else, for lessons 9 to 11, the
     * matching demo program (with demo knobs), so every lesson has a lab.
     */
    public static Program programFor(Lesson lesson) {
        Optional<CodeBlock> animated = lesson.animated();
        if (animated.isPresent()) {
            var anim = animated.get().animation().orElseThrow();
            return new Program("Lesson " + lesson.number() + ": " + lesson.title(), "lesson" + lesson.number() + ".py",
                    animated.get().code(), anim.knobs(), anim.view(), Optional.of(lesson));
        }
        DemoPrograms.Demo demo = switch (lesson.number()) {
            case "10" -> DemoPrograms.BLOCKING;
            case "11" -> DemoPrograms.THREADS;
            default -> DemoPrograms.GATHER;
        };
        Program p = Program.of(demo);
        LabView view = switch (lesson.number()) {
            case "10" -> LabView.BLOCKING;
            case "11" -> LabView.MODELS;
            default -> LabView.TASKS;
        };
        return new Program("Lesson " + lesson.number() + ": " + lesson.title(), p.fileName(), p.source(), p.knobs(), view,
                Optional.of(lesson));
    }

    static String read(Path p) throws IOException {
        return Files.readString(p);
    }
}
