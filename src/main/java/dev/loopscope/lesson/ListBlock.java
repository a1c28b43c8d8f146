package dev.loopscope.lesson;

import java.util.List;

/**
 * An ordered or bulleted list such as a lesson's "Checklist:".
 *
 * @param start the number of the first item of an ordered list (1 for bullet lists)
 */
public record ListBlock(int line, boolean ordered, int start, List<Item> items) implements Block {

    public ListBlock {
        items = List.copyOf(items);
    }

    /**
     * @param inlines the item's first paragraph
     * @param blocks what follows it inside the item, such as a nested list
     */
    public record Item(int line, List<Inline> inlines, List<Block> blocks) {
        public Item {
            inlines = List.copyOf(inlines);
            blocks = List.copyOf(blocks);
        }

        public String text() {
            return Inline.plainText(inlines);
        }
    }
}
