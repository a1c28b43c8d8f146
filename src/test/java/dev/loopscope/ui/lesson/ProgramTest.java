package dev.loopscope.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopscope.lesson.LabView;
import dev.loopscope.lesson.Lesson;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgramTest {

    private static final Lesson NINE = new LessonLibrary().load().lesson("9").orElseThrow();

    @Test
    void aLessonAnimatesItsAnimatedBlockWithItsKnobs() {
        Program p = Program.of(NINE).orElseThrow();
        assertThat(p.view()).isEqualTo(LabView.TASKS);
        assertThat(p.fileName()).isEqualTo("lesson9.py");
        assertThat(p.knobs()).extracting(k -> k.id()).containsExactly("exceptions", "failing", "timeout");
        assertThat(p.defaults()).containsEntry("timeout", "0.5");
        assertThat(p.source()).isEqualTo(NINE.animated().orElseThrow().code());
    }

    @Test
    void knobsRewriteTheLessonsCodeWhenItIsUnedited() {
        Program p = Program.of(NINE).orElseThrow();
        Program.Rewrite r = p.rewrite(p.source(), p.defaults(), Map.of("failing", "0", "timeout", "1.0"));
        assertThat(r.editsDropped()).isFalse();
        assertThat(r.code()).isEqualTo(NINE.animated().orElseThrow().codeWith(Map.of("failing", "0", "timeout", "1.0")));
        // And back again, from the rewritten code.
        Program.Rewrite back = p.rewrite(r.code(), Map.of("failing", "0", "timeout", "1.0"), p.defaults());
        assertThat(back.code()).isEqualTo(p.source());
    }

    @Test
    void editsAreKeptWhenTheKnobsLiteralIsStillInPlace() {
        Program p = Program.of(NINE).orElseThrow();
        String edited = p.source().replace("print('caught', e)", "print('got', e)");
        Program.Rewrite r = p.rewrite(edited, p.defaults(), Map.of("failing", "1"));
        assertThat(r.editsDropped()).isFalse();
        assertThat(r.code()).contains("print('got', e)").contains("if i == 1:");
    }

    @Test
    void editsThatMoveTheLiteralFallBackToTheLessonsCode() {
        Program p = Program.of(NINE).orElseThrow();
        // A line added at the top moves every literal one line down, away from where its knob looks.
        String edited = "# my notes\n" + p.source();
        Program.Rewrite r = p.rewrite(edited, p.defaults(), Map.of("failing", "1"));
        assertThat(r.editsDropped()).isTrue();
        assertThat(r.code()).isEqualTo(p.codeWith(Map.of("failing", "1")));
    }

    @Test
    void aFileHasNoKnobsAndShowsInTheTasksLab() {
        Program p = Program.ofFile("x.py", "print(1)\n");
        assertThat(p.knobs()).isEmpty();
        assertThat(p.view()).isEqualTo(LabView.TASKS);
        assertThat(p.codeWith(Map.of())).isEqualTo("print(1)\n");
        assertThat(p.rewrite("print(2)\n", Map.of(), Map.of()).code()).isEqualTo("print(2)\n");
    }
}
