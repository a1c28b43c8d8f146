package dev.loopscope.cli;

import dev.loopscope.ui.Theme;
import dev.loopscope.ui.export.ExportJob;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code loopscope export}: the window as it would look at a virtual time, rendered off screen into a PNG. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Renders a lesson's or a program's animation at a virtual time into a PNG, without a display.")
public final class ExportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "LESSON_OR_FILE",
            description = "A lesson number (9, 10, 11), a lesson file (.md) or a Python program (.py).")
    String target;

    @Option(names = "--at", paramLabel = "T", description = "Virtual time in seconds (default: the end of the run).")
    double at = -1;

    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "Where to write the PNG.")
    Path out;

    @Option(names = "--theme", paramLabel = "T", description = "light, dark or high-contrast (default: light).")
    String theme = "light";

    @Option(names = "--scale", paramLabel = "S", description = "Pixel scale, e.g. 2 for slides (default: 1).")
    double scale = 1;

    @Option(names = "--width", description = "Window width in pixels (default: 1366).")
    int width = 1366;

    @Option(names = "--height", description = "Window height in pixels (default: 768).")
    int height = 768;

    @Option(names = "--presenter", description = "Render presenter mode (chrome hidden, scaled).")
    boolean presenter;

    @Option(names = "--model", paramLabel = "M", description = "In the models lab (lesson 11), the tab to show: "
            + "lesson, threads-gil, threads-free, processes or asyncio (default: lesson).")
    String model;

    @Option(names = "--lab-only", description = "Picture the lab alone rather than the whole window.")
    boolean labOnly;

    @Override
    public Integer call() throws Exception {
        Theme t = Theme.parse(theme);
        System.out.println(ExportJob.run(new ExportJob.Request(target, at, out, t, scale, width, height, presenter,
                model, labOnly)));
        return 0;
    }
}
