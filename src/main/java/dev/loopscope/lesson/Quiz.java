package dev.loopscope.lesson;

import java.util.List;

/** A lesson's "Quick check": its questions with their answers merged in from the answer key. */
public record Quiz(int line, List<Question> questions) implements Block {

    public Quiz {
        questions = List.copyOf(questions);
    }
}
