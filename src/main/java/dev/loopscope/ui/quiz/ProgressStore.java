package dev.loopscope.ui.quiz;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** Where quiz answers are kept between runs of the app, per lesson. */
public interface ProgressStore {

    /** The saved answers of a lesson: question number to answer ("b", "true"). */
    Map<Integer, String> load(String lesson);

    void save(String lesson, Map<Integer, String> answers);

    /** Keeps answers in memory only (tests, and when the home directory is not writable). */
    final class InMemory implements ProgressStore {
        private final Map<String, Map<Integer, String>> data = new HashMap<>();

        @Override
        public Map<Integer, String> load(String lesson) {
            return Map.copyOf(data.getOrDefault(lesson, Map.of()));
        }

        @Override
        public void save(String lesson, Map<Integer, String> answers) {
            data.put(lesson, Map.copyOf(answers));
        }
    }

    /** A properties file, by default {@code ~/.loopscope/progress.properties}. */
    final class FileStore implements ProgressStore {
        private final Path file;

        public FileStore(Path file) {
            this.file = file;
        }

        public static FileStore inUserHome() {
            return new FileStore(Path.of(System.getProperty("user.home"), ".loopscope", "progress.properties"));
        }

        private Properties read() {
            Properties p = new Properties();
            if (Files.isRegularFile(file)) {
                try (Reader r = Files.newBufferedReader(file)) {
                    p.load(r);
                } catch (IOException e) {
                    // Unreadable progress starts afresh.
                }
            }
            return p;
        }

        @Override
        public Map<Integer, String> load(String lesson) {
            Map<Integer, String> out = new HashMap<>();
            Properties p = read();
            String prefix = lesson + ".";
            for (String key : p.stringPropertyNames()) {
                if (key.startsWith(prefix)) {
                    try {
                        out.put(Integer.parseInt(key.substring(prefix.length())), p.getProperty(key));
                    } catch (NumberFormatException e) {
                        // Not ours.
                    }
                }
            }
            return out;
        }

        @Override
        public void save(String lesson, Map<Integer, String> answers) {
            Properties p = read();
            p.stringPropertyNames().stream().filter(k -> k.startsWith(lesson + ".")).forEach(p::remove);
            answers.forEach((q, a) -> p.setProperty(lesson + "." + q, a));
            try {
                Files.createDirectories(file.getParent());
                try (Writer w = Files.newBufferedWriter(file)) {
                    p.store(w, "Loopscope quiz progress");
                }
            } catch (IOException e) {
                // Progress is a convenience: never fail the quiz over it.
            }
        }
    }
}
