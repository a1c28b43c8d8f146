package dev.loopscope.ui.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopscope.ui.FakeDialogs;
import dev.loopscope.ui.lesson.LessonLibrary;
import dev.loopscope.ui.library.LibraryViewModel.Entry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening lessons and programs through dialogs; problems are told through them too. */
class LibraryViewModelTest {

    @TempDir
    Path dir;

    private final FakeDialogs dialogs = new FakeDialogs();
    private final List<Entry> opened = new ArrayList<>();

    private LibraryViewModel model() {
        LibraryViewModel m = new LibraryViewModel(new LessonLibrary(), dialogs);
        m.setOnOpen(opened::add);
        m.load();
        return m;
    }

    @Test
    void theCourseIsLoadedIntoTheNavigator() {
        LibraryViewModel m = model();
        assertThat(m.entriesProperty()).extracting(Entry::label).startsWith("9. Creating and managing asyncio tasks");
        assertThat(m.lessonEntry("11")).isPresent();
        assertThat(dialogs.messages).isEmpty();
    }

    @Test
    void aLessonFileAddsOrReplacesLessonsAndOpensTheFirst() throws Exception {
        LibraryViewModel m = model();
        int before = m.entriesProperty().size();
        dialogs.nextOpen = Files.writeString(dir.resolve("extra.md"), """
                ## 12. Queues

                Some text.

                ## 9. Tasks again

                Replaced.
                """);
        m.openLessonFile();
        assertThat(m.entriesProperty()).hasSize(before + 1);
        assertThat(m.course().lesson("9").orElseThrow().title()).isEqualTo("Tasks again");
        assertThat(opened).extracting(Entry::label).containsExactly("12. Queues");
        assertThat(dialogs.messages).isEmpty();
    }

    @Test
    void aFileWithoutLessonsIsReportedAndChangesNothing() throws Exception {
        LibraryViewModel m = model();
        int before = m.entriesProperty().size();
        dialogs.nextOpen = Files.writeString(dir.resolve("notes.md"), "# Notes\n\nNo lesson here.\n");
        m.openLessonFile();
        assertThat(m.entriesProperty()).hasSize(before);
        assertThat(opened).isEmpty();
        assertThat(dialogs.messages).singleElement().asString().startsWith("No lesson in notes.md");
    }

    @Test
    void cancellingTheDialogDoesNothing() {
        LibraryViewModel m = model();
        dialogs.nextOpen = null;
        m.openLessonFile();
        m.openProgramFile();
        assertThat(opened).isEmpty();
        assertThat(dialogs.messages).isEmpty();
    }

    @Test
    void aPythonFileBecomesAnEntryAndOpensOnce() throws Exception {
        LibraryViewModel m = model();
        Path file = Files.writeString(dir.resolve("demo.py"), "print('hi')\n");
        dialogs.nextOpen = file;
        m.openProgramFile();
        m.openProgramFile();
        assertThat(m.entriesProperty()).filteredOn(e -> e instanceof Entry.FileEntry).singleElement()
                .satisfies(e -> assertThat(((Entry.FileEntry) e).program().source()).isEqualTo("print('hi')\n"));
        assertThat(opened).hasSize(2).allMatch(e -> e.label().equals("Program: demo.py"));
    }

    @Test
    void unreadableProgramsAreReported() throws Exception {
        LibraryViewModel m = model();
        dialogs.nextOpen = Files.write(dir.resolve("latin1.py"), new byte[] {'x', '=', '\'', (byte) 0xe9, '\''});
        m.openProgramFile();
        dialogs.nextOpen = dir.resolve("missing.py");
        m.openProgramFile();
        assertThat(opened).isEmpty();
        assertThat(dialogs.messages).hasSize(2);
        assertThat(dialogs.messages.get(0)).contains("not UTF-8");
        assertThat(dialogs.messages.get(1)).startsWith("Cannot open missing.py");
    }
}
