package dev.loopscope.lesson;

import java.util.List;
import java.util.Optional;

/**
 * A fenced {@code text} block of arrow chains ("fetch 1000 URLs → I/O‑bound → async"), drawn as a tree.
 *
 * @param line the line of the opening fence
 * @param title the first line when it has no arrow, such as "Decision tree:"
 * @param source the fenced block itself, which is still a code block of the lesson
 */
public record DecisionTree(int line, Optional<String> title, List<Branch> branches, CodeBlock source) implements Block {

    public DecisionTree {
        branches = List.copyOf(branches);
    }

    /** One line of the tree: from the situation on the left to the choice on the right. */
    public record Branch(int line, List<String> nodes) {
        public Branch {
            nodes = List.copyOf(nodes);
        }
    }
}
