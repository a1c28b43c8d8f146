package dev.loopscope.lesson;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One numbered section of a lesson file ({@code ## 9. Title}).
 *
 * @param number as written, such as "9"
 * @param title plain text, without the number
 * @param source the file it was read from
 * @param line the file line of its heading
 */
public record Lesson(String number, String title, Path source, int line, List<Block> blocks) {

    public Lesson {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(source, "source");
        blocks = List.copyOf(blocks);
    }

    public List<Question> questions() {
        return quizzes().flatMap(q -> q.questions().stream()).toList();
    }

    public Optional<Question> question(int number) {
        return questions().stream().filter(q -> q.number() == number).findFirst();
    }

    public Optional<Quiz> quiz() {
        return quizzes().findFirst();
    }

    /** Code blocks in reading order, including those nested in lists and quotes. Decision trees are not code. */
    public List<CodeBlock> codeBlocks() {
        return Blocks.flatten(blocks).stream()
                .<CodeBlock>mapMulti((b, out) -> {
                    if (b instanceof CodeBlock c) {
                        out.accept(c);
                    } else if (b instanceof DecisionTree tree) {
                        // A decision tree is drawn as a tree but is still a fenced code block of the file.
                        out.accept(tree.source());
                    }
                })
                .toList();
    }

    private Stream<Quiz> quizzes() {
        return blocks.stream().<Quiz>mapMulti((b, out) -> {
            if (b instanceof Quiz q) {
                out.accept(q);
            }
        });
    }

    /** The code block the lab animates, if the lesson has one. */
    public Optional<CodeBlock> animated() {
        return codeBlocks().stream().filter(CodeBlock::animated).findFirst();
    }
}
