package dev.loopscope.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The workloads of {@code loopscope bench}. Each runs in a fresh process so that its peak memory is its
 * own; the figures reported are medians over several runs.
 */
public final class Benchmark {

    /** What one run of a workload measured. */
    public record Measurement(double wallSeconds, long events, long peakRssKb, Map<String, Double> extra) {}

    /** A named workload; {@code run} returns the number of events it simulated and extra figures. */
    public record Workload(String name, String description, Supplier<Result> run) {}

    /** The outcome of one workload run in-process. */
    public record Result(long events, Map<String, Double> extra) {}

    private static final Map<String, Workload> WORKLOADS = new LinkedHashMap<>();

    static {
        register(new Workload("tasks-200k-engine",
                "200,000 tasks, each two sleep(0) and a return, gathered; engine Java API; full trace",
                () -> new Result(Workloads.manyTasks(200_000).size(), Map.of())));
        register(new Workload("tasks-200k-python",
                "the same 200,000 tasks from Python source, through the whole front end; full trace",
                () -> new Result(Workloads.manyTasksFromPython().size(), Map.of())));
    }

    private Benchmark() {
    }

    /** Adds a workload (the Python front end and the window add theirs). */
    public static synchronized void register(Workload w) {
        WORKLOADS.put(w.name(), w);
    }

    public static synchronized List<Workload> workloads() {
        return new ArrayList<>(WORKLOADS.values());
    }

    public static synchronized Workload workload(String name) {
        return WORKLOADS.get(name);
    }

    /** Median of a list of numbers. */
    public static double median(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
