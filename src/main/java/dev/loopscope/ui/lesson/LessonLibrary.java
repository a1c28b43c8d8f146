package dev.loopscope.ui.lesson;

import dev.loopscope.lesson.Course;
import dev.loopscope.lesson.Lesson;
import dev.loopscope.lesson.LessonImporter;
import dev.loopscope.lesson.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the lessons: {@code assets/lessons/} (under {@code loopscope.assets.dir} or the working directory), else
 * the course bundled inside the app; and any lesson file the user opens.
 */
public final class LessonLibrary {

    /** Where the build puts a copy of {@code assets/lessons/*.md}, beside this class. */
    static final String BUNDLED = "course/";

    private final LessonImporter importer = new LessonImporter();

    /** The lessons found where the app looks for them, in file order. */
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

    /** {@code course} with the lessons of {@code added}; a lesson with the same number is replaced. */
    public static Course merge(Course course, Course added) {
        Map<String, Lesson> byNumber = new LinkedHashMap<>();
        course.lessons().forEach(l -> byNumber.put(l.number(), l));
        added.lessons().forEach(l -> byNumber.put(l.number(), l));
        List<Problem> problems = new ArrayList<>(course.problems());
        problems.addAll(added.problems());
        return new Course(new ArrayList<>(byNumber.values()), problems);
    }

    private static List<Path> candidates() {
        List<Path> dirs = new ArrayList<>();
        String assets = System.getProperty("loopscope.assets.dir");
        if (assets != null) {
            dirs.add(Path.of(assets, "lessons"));
        }
        dirs.add(Path.of("assets", "lessons"));
        return dirs;
    }

    /** The course shipped inside the app. */
    public Course bundled() {
        List<String> names = bundledNames();
        names.sort(Comparator.naturalOrder());
        List<Course> parts = new ArrayList<>();
        for (String name : names) {
            try (InputStream in = LessonLibrary.class.getResourceAsStream(BUNDLED + name)) {
                if (in != null) {
                    parts.add(importer.importText(Path.of(name), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            } catch (IOException e) {
                // A missing part leaves the others.
            }
        }
        Course course = new Course(List.of(), List.of());
        for (Course c : parts) {
            course = merge(course, c);
        }
        return course;
    }

    /** The bundled lesson files' names: listed from the module when the app runs as one, else from the class path. */
    static List<String> bundledNames() {
        List<String> names = new ArrayList<>();
        String prefix = LessonLibrary.class.getPackageName().replace('.', '/') + "/" + BUNDLED;
        Module module = LessonLibrary.class.getModule();
        if (module.isNamed() && module.getLayer() != null) {
            var resolved = module.getLayer().configuration().findModule(module.getName());
            if (resolved.isPresent()) {
                try (ModuleReader reader = resolved.get().reference().open()) {
                    reader.list().filter(n -> n.startsWith(prefix) && n.endsWith(".md"))
                            .forEach(n -> names.add(n.substring(prefix.length())));
                    return names;
                } catch (IOException e) {
                    return names;
                }
            }
        }
        URL dir = LessonLibrary.class.getResource(BUNDLED);
        if (dir != null && dir.getProtocol().equals("file")) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of(dir.toURI()), "*.md")) {
                files.forEach(f -> names.add(f.getFileName().toString()));
            } catch (IOException | URISyntaxException e) {
                return names;
            }
        }
        return names;
    }
}
