package dev.loopscope.ui.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps virtual time (nanoseconds) to horizontal pixels and back: the left edge's time and how many
 * nanoseconds one pixel spans. Immutable; zooming and panning return new scales.
 *
 * @param startNs the virtual time at x = 0
 * @param nsPerPixel nanoseconds per pixel, within [{@link #MIN_NS_PER_PIXEL}, {@link #MAX_NS_PER_PIXEL}]
 */
public record TimeScale(double startNs, double nsPerPixel) {

    /** Zoomed in as far as 1 µs per pixel: the engine's finest costs are about that size. */
    public static final double MIN_NS_PER_PIXEL = 1_000;
    /** Zoomed out as far as 10 minutes per pixel. */
    public static final double MAX_NS_PER_PIXEL = 600e9;

    public TimeScale {
        if (!(nsPerPixel > 0) || Double.isInfinite(nsPerPixel) || Double.isNaN(startNs)) {
            throw new IllegalArgumentException("bad scale: start " + startNs + ", ns/px " + nsPerPixel);
        }
        nsPerPixel = Math.clamp(nsPerPixel, MIN_NS_PER_PIXEL, MAX_NS_PER_PIXEL);
    }

    /** The scale that shows [start, end] across {@code width} pixels with {@code marginPx} free on both sides. */
    public static TimeScale fit(long start, long end, double width, double marginPx) {
        double usable = Math.max(1, width - 2 * marginPx);
        double span = Math.max(1_000_000, end - start);
        double perPx = span / usable;
        return new TimeScale(start - marginPx * Math.clamp(perPx, MIN_NS_PER_PIXEL, MAX_NS_PER_PIXEL), perPx);
    }

    public double toX(double timeNs) {
        return (timeNs - startNs) / nsPerPixel;
    }

    public double toTime(double x) {
        return startNs + x * nsPerPixel;
    }

    public double endNs(double width) {
        return toTime(width);
    }

    /** Zooms by {@code factor} (> 1 zooms in) keeping the time under pixel {@code x} where it is. */
    public TimeScale zoomAround(double x, double factor) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("zoom factor must be positive: " + factor);
        }
        double anchor = toTime(x);
        double perPx = Math.clamp(nsPerPixel / factor, MIN_NS_PER_PIXEL, MAX_NS_PER_PIXEL);
        return new TimeScale(anchor - x * perPx, perPx);
    }

    /** Moves the view so the content follows a drag of {@code dxPx} pixels (positive: content moves right). */
    public TimeScale pan(double dxPx) {
        return new TimeScale(startNs - dxPx * nsPerPixel, nsPerPixel);
    }

    /** The same zoom, moved so {@code timeNs} sits at pixel {@code x}. */
    public TimeScale withTimeAt(double timeNs, double x) {
        return new TimeScale(timeNs - x * nsPerPixel, nsPerPixel);
    }

    /** Nice tick spacing: the smallest 1, 2 or 5 × 10^k nanoseconds at least {@code minSpacingPx} pixels apart. */
    public double tickStepNs(double minSpacingPx) {
        double min = minSpacingPx * nsPerPixel;
        double pow = Math.pow(10, Math.floor(Math.log10(min)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * pow >= min - 1e-9 * pow) {
                return m * pow;
            }
        }
        return 10 * pow;
    }

    public record Tick(double timeNs, double x, String label) {}

    /** The ticks across {@code width} pixels, labelled in virtual seconds (or milliseconds when finer). */
    public List<Tick> ticks(double width, double minSpacingPx) {
        double step = tickStepNs(minSpacingPx);
        double first = Math.ceil(startNs / step) * step;
        List<Tick> ticks = new ArrayList<>();
        for (double t = first; t <= endNs(width) && ticks.size() < 1000; t += step) {
            ticks.add(new Tick(t, toX(t), label(t, step)));
        }
        return ticks;
    }

    /** A time label with as many decimals as the step needs: "0.25 s", "12.5 ms", "1.000004 s". */
    public static String label(double timeNs, double stepNs) {
        if (Math.abs(timeNs) < stepNs * 1e-6) {
            timeNs = 0; // no "-0.0 s" at the origin
        }
        if (stepNs < 1e6 && Math.abs(timeNs) < 1e9) {
            int decimals = Math.max(0, (int) Math.ceil(-Math.log10(stepNs / 1e6) - 1e-9));
            return String.format(Locale.ROOT, "%." + decimals + "f ms", timeNs / 1e6);
        }
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(stepNs / 1e9) - 1e-9));
        return String.format(Locale.ROOT, "%." + Math.min(9, decimals) + "f s", timeNs / 1e9);
    }

    /** A duration for people: "1.00 s", "250 ms", "40 µs". */
    public static String duration(double ns) {
        double a = Math.abs(ns);
        if (a >= 1e9) {
            return String.format(Locale.ROOT, "%.2f s", ns / 1e9);
        }
        if (a >= 1e6) {
            return String.format(Locale.ROOT, "%.0f ms", ns / 1e6);
        }
        return String.format(Locale.ROOT, "%.0f µs", ns / 1e3);
    }
}
