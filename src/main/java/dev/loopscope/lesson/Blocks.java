package dev.loopscope.lesson;

import java.util.ArrayList;
import java.util.List;

final class Blocks {

    private Blocks() {}

    /** The blocks and every block nested inside them, in reading order. */
    static List<Block> flatten(List<Block> blocks) {
        List<Block> all = new ArrayList<>();
        blocks.forEach(b -> add(b, all));
        return all;
    }

    private static void add(Block block, List<Block> all) {
        all.add(block);
        switch (block) {
            case ListBlock list -> list.items().forEach(item -> item.blocks().forEach(b -> add(b, all)));
            case Quote quote -> quote.blocks().forEach(b -> add(b, all));
            case Quiz quiz -> quiz.questions().forEach(q -> q.body().forEach(b -> add(b, all)));
            default -> { }
        }
    }
}
