package dev.loopscope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loopscope.bench.Benchmark;
import dev.loopscope.bench.Benchmark.Measurement;
import dev.loopscope.bench.Benchmark.Workload;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code loopscope bench}: runs the standard workloads, each in its own process, and prints medians. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Runs the standard workloads and prints wall time, events per second and peak memory "
                + "(medians over several runs, each run in a fresh process).")
public final class BenchCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--runs", description = "Runs per workload (default: ${DEFAULT-VALUE}).", defaultValue = "5")
    int runs;

    @Option(names = "--workload", description = "Only these workloads (repeatable); default: all.")
    List<String> only = new ArrayList<>();

    @Option(names = "--list", description = "List the workloads and exit.")
    boolean list;

    @Option(names = "--json", description = "Print the results as JSON.")
    boolean json;

    @Option(names = "--in-process", hidden = true, description = "Run one workload in this process (used by bench).")
    String child;

    private static final ObjectMapper JSON = new ObjectMapper();


    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (child != null) {
            return runChild(out, err);
        }
        List<Workload> chosen = new ArrayList<>();
        for (Workload w : Benchmark.workloads()) {
            if (only.isEmpty() || only.contains(w.name())) {
                chosen.add(w);
            }
        }
        if (list) {
            for (Workload w : chosen) {
                out.printf("%-22s %s%n", w.name(), w.description());
            }
            out.flush();
            return 0;
        }
        for (String name : only) {
            if (Benchmark.workload(name) == null) {
                err.println("bench: unknown workload '" + name + "' (see loopscope bench --list)");
                err.flush();
                return 2;
            }
        }
        if (runs < 1) {
            err.println("bench: --runs must be at least 1");
            err.flush();
            return 2;
        }
        ObjectNode report = JSON.createObjectNode();
        if (!json) {
            out.printf("%-22s %5s %10s %12s %12s %12s%n", "workload", "runs", "wall (s)", "events", "events/s",
                    "peak RSS");
        }
        for (Workload w : chosen) {
            List<Measurement> ms = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                ms.add(measureInChild(w.name()));
            }
            double wall = Benchmark.median(ms.stream().map(Measurement::wallSeconds).toList());
            double rss = Benchmark.median(ms.stream().map(m -> (double) m.peakRssKb()).toList());
            long events = ms.get(0).events();
            Map<String, Double> extra = new LinkedHashMap<>();
            for (String key : ms.get(0).extra().keySet()) {
                extra.put(key, Benchmark.median(ms.stream().map(m -> m.extra().get(key)).toList()));
            }
            ObjectNode node = report.putObject(w.name());
            node.put("runs", runs).put("wallSecondsMedian", wall).put("events", events)
                    .put("eventsPerSecond", events / wall).put("peakRssMiBMedian", rss / 1024);
            extra.forEach(node::put);
            if (!json) {
                out.printf("%-22s %5d %10.3f %,12d %,12.0f %8.0f MiB%n", w.name(), runs, wall, events, events / wall,
                        rss / 1024);
                extra.forEach((k, v) -> out.printf("    %-30s %12.3f%n", k, v));
            }
            out.flush();
        }
        if (json) {
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        } else {
            out.println("For comparison, the 200,000-task program (tools/measure/bench_200k_tasks.py) on these 2-core "
                    + "machines: CPython 3.11.7 3.01 s, 277 MiB peak RSS; CPython 3.12.1 2.83 s, 272 MiB "
                    + "(medians, src/docs/cost-model.md).");
        }
        out.flush();
        return 0;
    }

    private int runChild(PrintWriter out, PrintWriter err) throws IOException {
        Workload w = Benchmark.workload(child);
        if (w == null) {
            err.println("bench: unknown workload '" + child + "'");
            err.flush();
            return 2;
        }
        long t0 = System.nanoTime();
        Benchmark.Result r = w.run().get();
        double wall = (System.nanoTime() - t0) / 1e9;
        ObjectNode node = JSON.createObjectNode();
        node.put("wall", wall).put("events", r.events()).put("peakRssKb", peakRssKb());
        ObjectNode extra = node.putObject("extra");
        r.extra().forEach(extra::put);
        out.println(JSON.writeValueAsString(node));
        out.flush();
        return 0;
    }

    /** Peak resident set size of this process, from /proc (0 where there is none). */
    static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    /** Runs one workload in a fresh JVM started like this one, and reads its measurement. */
    private Measurement measureInChild(String name) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!arg.startsWith("-agentlib") && !arg.startsWith("-javaagent") && !arg.startsWith("-XX:AOTCache")) {
                cmd.add(arg);
            }
        }
        // The workloads of the window run with the window's JVM options (see the launcher): C1 alone, and for the
        // start-up the image's ahead-of-time cache; the engine's workloads run as the subcommands do.
        if (name.equals(dev.loopscope.ui.bench.RenderBenchmark.FIRST_FRAME)
                || name.startsWith(dev.loopscope.ui.bench.RenderBenchmark.RENDER)) {
            cmd.add("-XX:TieredStopAtLevel=1");
        }
        Path aot = Path.of(System.getProperty("java.home"), "lib", "loopscope.aot");
        if (name.equals(dev.loopscope.ui.bench.RenderBenchmark.FIRST_FRAME) && Files.isRegularFile(aot)) {
            cmd.add("-XX:AOTCache=" + aot);
        }
        String modulePath = System.getProperty("jdk.module.path");
        if (modulePath != null) {
            cmd.add("--module-path");
            cmd.add(modulePath);
            cmd.add("-m");
            cmd.add("dev.loopscope/" + Main.class.getName());
        } else {
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(Main.class.getName());
        }
        cmd.add("bench");
        cmd.add("--in-process");
        cmd.add(name);
        // The child's stderr goes to a file: shown only when the workload fails (toolkit start-up chatter
        // of a headless run is no result).
        Path errors = Files.createTempFile("loopscope-bench", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectError(errors.toFile()).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = p.waitFor();
            if (code != 0) {
                throw new IOException("workload " + name + " failed with exit code " + code + ":\n"
                        + Files.readString(errors, StandardCharsets.UTF_8));
            }
            return parse(output);
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    private static Measurement parse(String output) throws IOException {
        String last = output.strip().lines().reduce((a, b) -> b).orElse("{}");
        var node = JSON.readTree(last);
        Map<String, Double> extra = new LinkedHashMap<>();
        node.path("extra").properties().forEach(e -> extra.put(e.getKey(), e.getValue().asDouble()));
        return new Measurement(node.path("wall").asDouble(), node.path("events").asLong(),
                node.path("peakRssKb").asLong(), extra);
    }
}
