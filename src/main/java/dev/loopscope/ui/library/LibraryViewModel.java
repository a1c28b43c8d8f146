package dev.loopscope.ui.library;

import dev.loopscope.lesson.Course;
import dev.loopscope.lesson.Lesson;
import dev.loopscope.lesson.Problem;
import dev.loopscope.ui.Dialogs;
import dev.loopscope.ui.lesson.LessonLibrary;
import dev.loopscope.ui.lesson.Program;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;

/**
 * What the navigator lists and how things get into it: the course found on disk or bundled, lesson files and
 * Python programs the user opens (through {@link Dialogs}), and problems reported back through them.
 */
public final class LibraryViewModel {

    /** Python files bigger than this are not programs anyone wants animated. */
    static final long MAX_PROGRAM_BYTES = 1_000_000;

    /** A navigator entry: a lesson, or a Python file the user opened. */
    public sealed interface Entry {
        String label();

        record LessonEntry(Lesson lesson) implements Entry {
            public String label() {
                return lesson.number() + ". " + lesson.title();
            }
        }

        record FileEntry(Path path, Program program) implements Entry {
            public String label() {
                return "Program: " + program.fileName();
            }
        }
    }

    private final LessonLibrary library;
    private final Dialogs dialogs;
    private final ReadOnlyObjectWrapper<Course> course = new ReadOnlyObjectWrapper<>(this, "course",
            new Course(List.of(), List.of()));
    private final ReadOnlyListWrapper<Entry> entries = new ReadOnlyListWrapper<>(this, "entries",
            FXCollections.observableArrayList());
    private Consumer<Entry> onOpen = e -> { };
    private Consumer<Course> onCourse = c -> { };

    public LibraryViewModel(LessonLibrary library, Dialogs dialogs) {
        this.library = library;
        this.dialogs = dialogs;
    }

    public ReadOnlyObjectProperty<Course> courseProperty() {
        return course.getReadOnlyProperty();
    }

    public Course course() {
        return course.get();
    }

    public ReadOnlyListProperty<Entry> entriesProperty() {
        return entries.getReadOnlyProperty();
    }

    /** Called with an entry the user opened through a file dialog, to show it. */
    public void setOnOpen(Consumer<Entry> handler) {
        onOpen = handler;
    }

    /** Called with the course every time it is loaded or grows, even when it reads the same as before. */
    public void setOnCourse(Consumer<Course> handler) {
        onCourse = handler;
    }

    /** Loads the course from where the app finds it. */
    public void load() {
        setCourse(library.load(), List.of());
    }

    public Optional<Entry> lessonEntry(String number) {
        return entries.stream().filter(e -> e instanceof Entry.LessonEntry l && l.lesson().number().equals(number))
                .findFirst();
    }

    /** Asks for a lesson file and opens it. */
    public void openLessonFile() {
        dialogs.chooseOpen("Open a lesson", List.of("*.md")).ifPresent(this::openLessonFile);
    }

    /** Adds the lessons of a file to the course (replacing lessons with the same number) and opens the first. */
    public void openLessonFile(Path file) {
        Course c = library.open(file);
        if (c.lessons().isEmpty()) {
            dialogs.message("No lesson in " + file.getFileName(), c.problems().isEmpty()
                    ? "The file has no “## N. Title” heading, so it holds no lesson." : describe(c.problems()));
            return;
        }
        if (!c.problems().isEmpty()) {
            dialogs.message("Problems in " + file.getFileName(), "The lessons were opened; some parts were skipped:\n\n"
                    + describe(c.problems()));
        }
        List<Entry> files = entries.stream().filter(e -> e instanceof Entry.FileEntry).toList();
        setCourse(LessonLibrary.merge(course.get(), c), files);
        lessonEntry(c.lessons().getFirst().number()).ifPresent(onOpen);
    }

    /** Asks for a Python file and opens it. */
    public void openProgramFile() {
        dialogs.chooseOpen("Open a Python program", List.of("*.py")).ifPresent(this::openProgramFile);
    }

    /** Reads a Python file into the navigator and opens it; says why when it cannot be read. */
    public void openProgramFile(Path file) {
        String source;
        try {
            if (Files.size(file) > MAX_PROGRAM_BYTES) {
                dialogs.message("Cannot open " + file.getFileName(), "The file is larger than 1 MB.");
                return;
            }
            source = Files.readString(file);
        } catch (MalformedInputException e) {
            dialogs.message("Cannot open " + file.getFileName(), "The file is not UTF-8 text.");
            return;
        } catch (IOException e) {
            dialogs.message("Cannot open " + file.getFileName(), String.valueOf(e.getMessage()));
            return;
        }
        Entry entry = new Entry.FileEntry(file.toAbsolutePath(), Program.ofFile(file.getFileName().toString(), source));
        List<Entry> list = new ArrayList<>(entries);
        list.removeIf(e -> e instanceof Entry.FileEntry f && f.path().equals(file.toAbsolutePath()));
        list.add(entry);
        entries.setAll(list);
        onOpen.accept(entry);
    }

    private void setCourse(Course c, List<Entry> files) {
        course.set(c);
        List<Entry> list = new ArrayList<>();
        c.lessons().forEach(l -> list.add(new Entry.LessonEntry(l)));
        list.addAll(files);
        entries.setAll(list);
        onCourse.accept(c);
    }

    private static String describe(List<Problem> problems) {
        return problems.stream().limit(12).map(Problem::toString).collect(Collectors.joining("\n"))
                + (problems.size() > 12 ? "\n… and " + (problems.size() - 12) + " more" : "");
    }
}
