package dev.loopscope.quiz;

import dev.loopscope.lesson.Lesson;
import dev.loopscope.lesson.Question;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Every recorded answer, by question key. Keys are "lesson/question/hash of the prompt", so renumbering or
 * rewording a question leaves its old entry behind unmatched instead of crediting a different question; such
 * entries are kept in the file (the lesson may come back) but ignored.
 */
public record Progress(SortedMap<String, Entry> answers) {

    public Progress {
        answers = Collections.unmodifiableSortedMap(new TreeMap<>(answers));
    }

    /**
     * @param answer as given ("b", "true")
     * @param correct whether it was correct when it was given
     * @param correctAnswer for a predict question, the answer the program's output gave then, so showing the
     *     feedback again does not have to run the program
     */
    public record Entry(String answer, boolean correct, Optional<String> correctAnswer) {
        public Entry {
            Objects.requireNonNull(answer, "answer");
            Objects.requireNonNull(correctAnswer, "correctAnswer");
        }

        public Entry(String answer, boolean correct) {
            this(answer, correct, Optional.empty());
        }
    }

    public static Progress empty() {
        return new Progress(new TreeMap<>());
    }

    public static String key(Lesson lesson, Question question) {
        return lesson.number() + "/" + question.number() + "/" + promptHash(question.promptText());
    }

    static String promptHash(String prompt) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(prompt.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public Progress with(String key, Entry entry) {
        TreeMap<String, Entry> copy = new TreeMap<>(answers);
        copy.put(key, entry);
        return new Progress(copy);
    }

    public Progress without(String key) {
        TreeMap<String, Entry> copy = new TreeMap<>(answers);
        copy.remove(key);
        return new Progress(copy);
    }

    /** Without every entry of a lesson, matched or not. */
    public Progress withoutLesson(String lessonNumber) {
        TreeMap<String, Entry> copy = new TreeMap<>(answers);
        copy.keySet().removeIf(k -> k.startsWith(lessonNumber + "/"));
        return new Progress(copy);
    }

    public Optional<Entry> entry(String key) {
        return Optional.ofNullable(answers.get(key));
    }

    public Map<String, Entry> asMap() {
        return answers;
    }
}
