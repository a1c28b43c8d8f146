package dev.loopscope.lesson;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Something wrong in a lesson file, located the way editors and compilers do.
 *
 * @param file the file as it was named to the importer
 * @param line 1-based line; problems about the whole file (empty, too large, unreadable) use line 1
 * @param message what is wrong, in words an author can act on
 */
public record Problem(Path file, int line, String message) {

    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        line = Math.max(1, line);
    }

    /** {@code FILE:LINE: message}, the form printed by {@code check-lesson}. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
