package dev.loopscope.lesson;

import java.util.List;
import java.util.Optional;

/**
 * Every lesson that imported, and every problem found on the way. A course with problems still holds the
 * lessons, or the parts of lessons, that were sound.
 */
public record Course(List<Lesson> lessons, List<Problem> problems) {

    public Course {
        lessons = List.copyOf(lessons);
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    public Optional<Lesson> lesson(String number) {
        return lessons.stream().filter(l -> l.number().equals(number)).findFirst();
    }
}
