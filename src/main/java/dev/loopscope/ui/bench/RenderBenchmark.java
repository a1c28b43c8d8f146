package dev.loopscope.ui.bench;

import dev.loopscope.bench.Benchmark;
import dev.loopscope.engine.Settings;
import dev.loopscope.engine.trace.TraceIndex;
import dev.loopscope.lesson.ProgramOutputs;
import dev.loopscope.quiz.ProgressStore;
import dev.loopscope.run.ProgramRunner;
import dev.loopscope.run.PythonRunner;
import dev.loopscope.run.RunResult;
import dev.loopscope.ui.Dialogs;
import dev.loopscope.ui.LoopscopeApp;
import dev.loopscope.ui.MainWindow;
import dev.loopscope.ui.export.ExportJob;
import dev.loopscope.ui.timeline.TimelineView;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.robot.Robot;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * How fast the window draws, for {@code loopscope bench}: the timeline rendered off screen (software
 * rendering, JavaFX's headless platform) while the playhead plays through a run of 100, 1,000 or 10,000 tasks,
 * one frame at a time, and the time from launch to the first frame of the main window.
 *
 * <p>The runs come from Python through {@link PythonRunner}: {@code n} tasks that each sleep a random time,
 * gathered. A frame is the playhead moved on by 1/{@value #FRAMES} of the run, then the scene rendered into an
 * image; its time includes CSS, layout, the canvas drawing and the rasterising.
 */
public final class RenderBenchmark {

    /** Frames measured per size, after {@value #WARMUP} not measured. */
    public static final int FRAMES = 400;
    static final int WARMUP = 60;
    /** The timeline's size: the lab of a maximised window on a 1920×1080 screen. */
    public static final int WIDTH = 1400;
    public static final int HEIGHT = 560;

    static {
        register();
    }

    /** The start-up workload's name, which {@code loopscope bench} runs with the window's AOT cache. */
    public static final String FIRST_FRAME = "first-frame";

    /** How the names of the frame-time workloads begin. */
    public static final String RENDER = "render-";

    private RenderBenchmark() {
    }

    /** Adds the rendering workloads to {@link Benchmark}; harmless when called again. */
    public static void register() {
        for (int n : new int[] {100, 1_000, 10_000}) {
            Benchmark.register(new Benchmark.Workload(RENDER + n, String.format(java.util.Locale.ROOT,
                    "timeline of %,d gathered tasks from Python, %d frames played off screen (%d×%d, software)",
                    n, FRAMES, WIDTH, HEIGHT), () -> playing(n).result()));
        }
        Benchmark.register(new Benchmark.Workload(FIRST_FRAME,
                "launch to the first frame of the main window on lesson 9 (headless, software rendering)",
                () -> firstFrame().result()));
    }

    /** Frame times of one size, in milliseconds. */
    public record Frames(int tasks, long traceEvents, double runSeconds, double p50, double p99, double max,
                         double cpuP50, double cpuP99, double zoomedP50, double zoomedP99, double zoomedCpuP99,
                         int frames) {
        Benchmark.Result result() {
            Map<String, Double> extra = new LinkedHashMap<>();
            extra.put("frameP50Ms", p50);
            extra.put("frameP99Ms", p99);
            extra.put("frameMaxMs", max);
            extra.put("frameCpuP50Ms", cpuP50);
            extra.put("frameCpuP99Ms", cpuP99);
            extra.put("zoomedFrameP50Ms", zoomedP50);
            extra.put("zoomedFrameP99Ms", zoomedP99);
            extra.put("zoomedFrameCpuP99Ms", zoomedCpuP99);
            extra.put("traceEvents", (double) traceEvents);
            extra.put("pythonRunSeconds", runSeconds);
            return new Benchmark.Result(frames, extra);
        }
    }

    /** The Python program of the benchmark: {@code n} tasks sleeping a random time, gathered. */
    public static String program(int n) {
        return """
                import asyncio, random

                async def t():
                    await asyncio.sleep(random.random())

                async def main():
                    await asyncio.gather(*[t() for _ in range(%d)])

                asyncio.run(main())
                """.formatted(n);
    }

    /** Runs the program of {@code n} tasks on the engine. */
    public static TraceIndex trace(int n) {
        RunResult r = new PythonRunner().run("render.py", program(n),
                Settings.defaults().withBudget(50_000_000L, 3600 * Settings.SECOND), ProgramRunner.Cancellation.NEVER);
        if (!(r instanceof RunResult.Ran ran) || ran.trace().stopReason().isPresent()) {
            throw new IllegalStateException("the benchmark program did not run: " + r);
        }
        return TraceIndex.of(ran.trace());
    }

    /** Plays a run of {@code n} tasks through the timeline and measures every frame. */
    public static Frames playing(int n) {
        long t0 = System.nanoTime();
        TraceIndex ix = trace(n);
        double runSeconds = (System.nanoTime() - t0) / 1e9;
        startToolkit();
        return onFx(() -> {
            TimelineView view = new TimelineView();
            StackPane root = new StackPane(view);
            Scene scene = new Scene(root, WIDTH, HEIGHT);
            scene.getStylesheets().add(MainWindow.class.getResource("app.css").toExternalForm());
            dev.loopscope.ui.Theme.LIGHT.apply(scene);
            Stage stage = new Stage();
            stage.setScene(scene);
            root.applyCss();
            root.layout();
            view.setIndex(ix);
            root.layout();
            view.fit();
            WritableImage image = new WritableImage(WIDTH, HEIGHT);
            double[][] fit = play(view, scene, image, ix);
            // Zoomed in eight times, the view follows the playhead and redraws its lanes every few frames.
            view.fit();
            view.setScale(view.getScale().zoomAround(0, 8));
            double[][] zoomed = play(view, scene, image, ix);
            stage.close();
            return new Frames(n, ix.trace().size(), runSeconds, percentile(fit[0], 0.50), percentile(fit[0], 0.99),
                    fit[0][FRAMES - 1], percentile(fit[1], 0.50), percentile(fit[1], 0.99),
                    percentile(zoomed[0], 0.50), percentile(zoomed[0], 0.99), percentile(zoomed[1], 0.99), FRAMES);
        });
    }

    /**
     * Plays the whole run in {@value #FRAMES} frames (after a warm-up). Returns the sorted wall times in ms, then
     * the sorted CPU times (the FX thread's and the renderer's), which other processes on a shared machine do not
     * inflate.
     */
    private static double[][] play(TimelineView view, Scene scene, WritableImage image, TraceIndex ix) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long fx = Thread.currentThread().threadId();
        long renderer = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("QuantumRenderer"))
                .mapToLong(Thread::threadId).findFirst().orElse(-1);
        long end = ix.trace().endTime();
        double[] wall = new double[FRAMES];
        double[] cpu = new double[FRAMES];
        for (int f = -WARMUP; f < FRAMES; f++) {
            int frame = Math.max(0, f);
            long cpu0 = threads.getThreadCpuTime(fx) + (renderer < 0 ? 0 : threads.getThreadCpuTime(renderer));
            long start = System.nanoTime();
            view.playheadProperty().set(end * frame / FRAMES);
            scene.snapshot(image);
            long took = System.nanoTime() - start;
            long cpu1 = threads.getThreadCpuTime(fx) + (renderer < 0 ? 0 : threads.getThreadCpuTime(renderer));
            if (f >= 0) {
                wall[f] = took / 1e6;
                cpu[f] = (cpu1 - cpu0) / 1e6;
            }
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        return new double[][] {wall, cpu};
    }

    static double percentile(double[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.clamp(i, 0, sorted.length - 1)];
    }

    /** Time to the first frame, from the start of the process and from the start of the toolkit. */
    public record FirstFrame(double fromLaunchMs, double fromToolkitMs, double toolkitStartMs) {
        Benchmark.Result result() {
            Map<String, Double> extra = new LinkedHashMap<>();
            extra.put("firstFrameFromLaunchMs", fromLaunchMs);
            extra.put("firstFrameFromToolkitMs", fromToolkitMs);
            extra.put("toolkitStartMs", toolkitStartMs);
            return new Benchmark.Result(1, extra);
        }
    }

    /**
     * Starts the toolkit, builds the main window on the course (lesson 9), shows it, and waits until its first
     * frame is on the (headless) screen: the robot reads the window's pixels until the menu bar has been drawn.
     */
    public static FirstFrame firstFrame() {
        long launch = ManagementFactory.getRuntimeMXBean().getStartTime();
        long startNanos = System.nanoTime();
        long launchNanos = startNanos - (System.currentTimeMillis() - launch) * 1_000_000L;
        startToolkit();
        long toolkit = System.nanoTime();
        ExecutorService background = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(null, r, "bench-run", 64L << 20);
            t.setDaemon(true);
            return t;
        });
        CompletableFuture<Long> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                Stage stage = new Stage();
                Path progress = Files.createTempDirectory("loopscope-bench");
                // Nothing is answered here, so the directory stays empty and goes when the JVM does.
                progress.toFile().deleteOnExit();
                var bounds = Screen.getPrimary().getVisualBounds();
                // The app's own start: the window on lesson 9, loaded before it shows.
                LoopscopeApp.open(stage, new MainWindow.Services(new PythonRunner(), SILENT, new ProgressStore(progress),
                        ProgramOutputs.installed().orElse(ProgramOutputs.unavailable()), background),
                        new Rectangle2D(bounds.getMinX(), bounds.getMinY(), Math.min(1366, bounds.getWidth()),
                                Math.min(768, bounds.getHeight())));
                waitForPixels(new Robot(), stage, shown, 0);
            } catch (Exception | Error e) {
                shown.completeExceptionally(e);
            }
        });
        long at;
        try {
            at = shown.get(2, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("the window never showed", e);
        } finally {
            background.shutdownNow();
        }
        return new FirstFrame((at - launchNanos) / 1e6, (at - startNanos) / 1e6, (toolkit - startNanos) / 1e6);
    }

    /**
     * Looks at the screen between pulses until the window's top left corner has been drawn: the headless screen
     * starts out transparent black, and the menu bar is opaque in every theme.
     */
    private static void waitForPixels(Robot robot, Stage stage, CompletableFuture<Long> shown, int tries) {
        Color c = robot.getPixelColor(stage.getX() + 4, stage.getY() + 4);
        if (c.getOpacity() > 0) {
            shown.complete(System.nanoTime());
        } else if (tries > 100_000) {
            shown.completeExceptionally(new IllegalStateException("the window was never drawn"));
        } else {
            Platform.runLater(() -> waitForPixels(robot, stage, shown, tries + 1));
        }
    }

    private static final Dialogs SILENT = new Dialogs() {
        @Override
        public Optional<Path> chooseOpen(String title, List<String> extensions) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseSave(String title, String suggestedName, List<String> extensions) {
            return Optional.empty();
        }

        @Override
        public void message(String title, String text) {
        }
    };

    private static void startToolkit() {
        try {
            ExportJob.startHeadless();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static <T> T onFx(Supplier<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.get());
            } catch (RuntimeException | Error e) {
                f.completeExceptionally(e);
            }
        });
        try {
            return f.get(10, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("rendering failed", e);
        }
    }
}
