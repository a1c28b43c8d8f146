package dev.loopscope.lesson;

import java.util.List;

public record Paragraph(int line, List<Inline> inlines) implements Block {

    public Paragraph {
        inlines = List.copyOf(inlines);
    }

    public String text() {
        return Inline.plainText(inlines);
    }
}
