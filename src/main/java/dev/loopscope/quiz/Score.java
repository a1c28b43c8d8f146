package dev.loopscope.quiz;

/** A lesson's quiz score: how many of its questions are answered, how many correctly, out of how many. */
public record Score(int answered, int correct, int total) {

    public boolean complete() {
        return total > 0 && answered == total;
    }
}
