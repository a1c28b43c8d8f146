package dev.loopscope.lesson;

import java.util.List;

/** A block quote, kept as a block so callouts can be styled apart from the prose. */
public record Quote(int line, List<Block> blocks) implements Block {

    public Quote {
        blocks = List.copyOf(blocks);
    }
}
