package dev.loopscope.lesson;

import java.util.List;
import java.util.regex.Pattern;

/** A run of inline content: what a paragraph, heading, table cell, prompt or option is made of. */
public sealed interface Inline {

    record Text(String text) implements Inline {}

    record Code(String code) implements Inline {}

    record Emphasis(List<Inline> children) implements Inline {
        public Emphasis {
            children = List.copyOf(children);
        }
    }

    record Strong(List<Inline> children) implements Inline {
        public Strong {
            children = List.copyOf(children);
        }
    }

    /** A link; images become links to their source with the alt text as children. */
    record Link(String destination, List<Inline> children) implements Inline {
        public Link {
            children = List.copyOf(children);
        }
    }

    /** A line break inside a paragraph; a soft one renders as a space. */
    record Break(boolean hard) implements Inline {}

    /** Every kind of Unicode space, not only ASCII ones: the lessons use em spaces after "True / False". */
    Pattern WHITESPACE = Pattern.compile("[\\s\\p{Z}]+");

    /** The runs as plain text: markup dropped, whitespace collapsed to single spaces, trimmed. */
    static String plainText(List<? extends Inline> runs) {
        StringBuilder text = new StringBuilder();
        appendRaw(runs, text);
        return collapse(text.toString());
    }

    /** Collapses every run of whitespace to one space and trims. */
    static String collapse(String text) {
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    private static void appendRaw(List<? extends Inline> runs, StringBuilder text) {
        for (Inline run : runs) {
            switch (run) {
                case Text t -> text.append(t.text());
                case Code c -> text.append(c.code());
                case Emphasis e -> appendRaw(e.children(), text);
                case Strong s -> appendRaw(s.children(), text);
                case Link l -> appendRaw(l.children(), text);
                case Break b -> text.append(' ');
            }
        }
    }
}
