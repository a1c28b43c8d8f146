package dev.loopscope.lesson;

import java.util.List;

/** A heading inside a lesson ({@code ###} and deeper; {@code ##} headings start lessons). */
public record Heading(int line, int level, List<Inline> inlines) implements Block {

    public Heading {
        inlines = List.copyOf(inlines);
    }

    public String text() {
        return Inline.plainText(inlines);
    }
}
