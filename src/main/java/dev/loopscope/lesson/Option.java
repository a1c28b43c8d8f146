package dev.loopscope.lesson;

import java.util.List;

/** One option of a choice or predict question. @param letter lower case, as written ("a", "b", ...) */
public record Option(String letter, List<Inline> inlines) {

    public Option {
        inlines = List.copyOf(inlines);
    }

    public String text() {
        return Inline.plainText(inlines);
    }
}
