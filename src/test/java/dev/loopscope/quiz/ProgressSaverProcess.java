package dev.loopscope.quiz;

import java.nio.file.Path;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Run in its own JVM by {@link KillDuringSaveTest}: saves progress generations in a tight loop until killed,
 * printing each generation after its save returned.
 */
public final class ProgressSaverProcess {

    private ProgressSaverProcess() {}

    public static void main(String[] args) throws Exception {
        ProgressStore store = new ProgressStore(Path.of(args[0]));
        ProgressStore.Loaded loaded = store.load();
        if (loaded.notice().isPresent()) {
            System.out.println("notice " + loaded.notice().get());
            System.exit(3);
        }
        long generation = generation(loaded.progress()).orElse(0L);
        System.out.println("start " + generation);
        System.out.flush();
        while (true) {
            generation++;
            store.save(state(generation));
            System.out.println("saved " + generation);
            System.out.flush();
        }
    }

    /**
     * A state whose entries all name its generation, and whose size varies with it, so a torn or mixed file
     * cannot pass for a whole one.
     */
    static Progress state(long generation) {
        TreeMap<String, Progress.Entry> answers = new TreeMap<>();
        int entries = (int) (generation % 7) + 1 + (int) (generation % 3) * 40;
        for (int i = 0; i < entries; i++) {
            answers.put("g/" + i + "/" + "x".repeat(i % 17), new Progress.Entry(Long.toString(generation), i % 2 == 0));
        }
        answers.put("generation", new Progress.Entry(Long.toString(generation), true));
        return new Progress(answers);
    }

    /** The generation of a state written by {@link #state}, or empty for empty progress. */
    static Optional<Long> generation(Progress progress) {
        return progress.entry("generation").map(e -> Long.parseLong(e.answer()));
    }
}
