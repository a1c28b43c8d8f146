package dev.loopscope.ui.lesson;

import dev.loopscope.lesson.Inline;
import java.util.List;
import javafx.scene.text.TextFlow;

/** Inline rendering shared by the lesson text and the quiz. */
public final class LessonViewSupport {

    private LessonViewSupport() {
    }

    public static TextFlow flow(List<Inline> inlines) {
        return LessonView.flow(inlines);
    }
}
