package dev.loopscope.ui.timeline;

import dev.loopscope.engine.trace.LaneState;
import dev.loopscope.engine.trace.TraceIndex;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableDoubleProperty;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.Styleable;
import javafx.css.StyleableDoubleProperty;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.converter.PaintConverter;
import javafx.css.converter.SizeConverter;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The timeline: one lane per task, loop, thread, GIL, core and process, time left to right, state by colour
 * and by shape, with arrows for awaits and wake-ups, markers, a time axis and a playhead. Drawn on canvases by
 * {@link TimelineSkin}; colours and line widths come from CSS ({@code timeline-view.css}), so themes apply.
 */
public class TimelineView extends Control {

    public static final String STYLE_CLASS = "timeline-view";

    private final ObjectProperty<TraceIndex> index = new SimpleObjectProperty<>(this, "index");
    private final ObjectProperty<TimeScale> scale = new SimpleObjectProperty<>(this, "scale", new TimeScale(0, 2_000_000));
    private final LongProperty playhead = new SimpleLongProperty(this, "playhead");
    private final LongProperty fitEnd = new SimpleLongProperty(this, "fitEnd", -1);
    private final ObjectProperty<LaneFilter> filter = new SimpleObjectProperty<>(this, "filter", LaneFilter.DEFAULT);
    private final ObjectProperty<Set<Integer>> highlighted = new SimpleObjectProperty<>(this, "highlighted", Set.of());
    private final BooleanProperty arrowsVisible = new SimpleBooleanProperty(this, "arrowsVisible", true);
    private final BooleanProperty futureDimmed = new SimpleBooleanProperty(this, "futureDimmed", true);
    private final DoubleProperty uiScale = new SimpleDoubleProperty(this, "uiScale", 1.0);
    private final ObjectProperty<String> title = new SimpleObjectProperty<>(this, "title");
    private final ObjectProperty<String> placeholder = new SimpleObjectProperty<>(this, "placeholder",
            "Run a program to see its timeline");
    private final ReadOnlyObjectWrapper<LaneLayout.Result> layoutResult = new ReadOnlyObjectWrapper<>(this, "layoutResult");
    private final BooleanProperty legendVisible = new SimpleBooleanProperty(this, "legendVisible", true);
    private Consumer<Long> onSeek = t -> { };
    /** Set when fit() ran before the control had its width: the skin fits again once it has one. */
    boolean fitPending;
    /** Whether the scale is this view's own fit, untouched since: then the view fits again when it is resized. */
    boolean fitted;
    private boolean fitting;

    public TimelineView() {
        getStyleClass().add(STYLE_CLASS);
        setFocusTraversable(true);
        // Any other change of scale (a zoom, a pan, a timeline bound to this one fitting itself) ends the fit.
        scale.addListener((o, a, b) -> fitted &= fitting);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new TimelineSkin(this);
    }

    @Override
    public String getUserAgentStylesheet() {
        return TimelineView.class.getResource("timeline-view.css").toExternalForm();
    }

    // Model -------------------------------------------------------------------------------------------

    public ObjectProperty<TraceIndex> indexProperty() {
        return index;
    }

    public TraceIndex getIndex() {
        return index.get();
    }

    public void setIndex(TraceIndex value) {
        index.set(value);
    }

    public ObjectProperty<TimeScale> scaleProperty() {
        return scale;
    }

    public TimeScale getScale() {
        return scale.get();
    }

    public void setScale(TimeScale value) {
        scale.set(value);
    }

    /** The playhead's virtual time in nanoseconds. */
    public LongProperty playheadProperty() {
        return playhead;
    }

    public ObjectProperty<LaneFilter> filterProperty() {
        return filter;
    }

    public LaneFilter getFilter() {
        return filter.get();
    }

    public void setFilter(LaneFilter value) {
        filter.set(value);
    }

    /** Lanes that changed since the previous step; drawn highlighted. */
    public ObjectProperty<Set<Integer>> highlightedProperty() {
        return highlighted;
    }

    public BooleanProperty legendVisibleProperty() {
        return legendVisible;
    }

    public BooleanProperty arrowsVisibleProperty() {
        return arrowsVisible;
    }

    /** Whether what lies after the playhead is veiled, so the past reads as "what happened so far". */
    public BooleanProperty futureDimmedProperty() {
        return futureDimmed;
    }

    /** Text and row size factor: 1 on a laptop, up to 2.5 on a projector. */
    public DoubleProperty uiScaleProperty() {
        return uiScale;
    }

    /** A caption drawn at the top left of the lanes ("time.sleep(1) in a coroutine"), or null. */
    public ObjectProperty<String> titleProperty() {
        return title;
    }

    /** What the timeline says while it has no run to show ("Running…"). */
    public ObjectProperty<String> placeholderProperty() {
        return placeholder;
    }

    /** The rows as last laid out: what is on screen, for the status line and for tests. */
    public ReadOnlyObjectProperty<LaneLayout.Result> layoutResultProperty() {
        return layoutResult.getReadOnlyProperty();
    }

    void setLayoutResult(LaneLayout.Result r) {
        layoutResult.set(r);
    }

    /** Called with a time when the user clicks the lanes or the axis to move the playhead there. */
    public void setOnSeek(Consumer<Long> handler) {
        onSeek = handler == null ? t -> { } : handler;
    }

    void seek(long time) {
        onSeek.accept(time);
    }

    // Actions ----------------------------------------------------------------------------------------

    /** Shows the whole run. */
    public void fit() {
        TimelineSkin skin = getSkin() instanceof TimelineSkin s ? s : null;
        double width = skin != null ? skin.chartWidth() : Math.max(200, getWidth() - 160);
        fitPending = skin == null || width < 100;
        TraceIndex ix = getIndex();
        long end = fitEnd.get() > 0 ? fitEnd.get()
                : ix == null ? 1_000_000_000L : Math.max(1_000_000L, ix.trace().endTime());
        fitting = true;
        try {
            // Room on the right for how the last lanes end (a check mark, a cross) and the last tick's label.
            double right = 28 * getUiScale();
            setScale(TimeScale.fit(0, end, Math.max(50, width - right), 12 * getUiScale()));
        } finally {
            fitting = false;
        }
        fitted = true;
    }

    /**
     * The time a fit shows up to, when timelines share one axis (the longest of their runs); -1: this run's end.
     */
    public LongProperty fitEndProperty() {
        return fitEnd;
    }

    /** Whether the view shows its own fit of the run, so that it fits again as it is resized. */
    public boolean isFitted() {
        return fitted;
    }

    public void zoomIn() {
        zoomAroundPlayhead(1.5);
    }

    public void zoomOut() {
        zoomAroundPlayhead(1 / 1.5);
    }

    private void zoomAroundPlayhead(double factor) {
        TimeScale s = getScale();
        double x = s.toX(playhead.get());
        TimelineSkin skin = getSkin() instanceof TimelineSkin sk ? sk : null;
        double width = skin != null ? skin.chartWidth() : getWidth();
        if (x < 0 || x > width) {
            x = width / 2;
        }
        setScale(s.zoomAround(x, factor));
    }

    /** Pans by a fraction of the visible width (negative: left). */
    public void pan(double fraction) {
        TimelineSkin skin = getSkin() instanceof TimelineSkin sk ? sk : null;
        double width = skin != null ? skin.chartWidth() : getWidth();
        setScale(getScale().pan(-fraction * width));
    }

    /** The tooltip text for a point of the control, or null: what a hover over a lane or a marker says. */
    public String describeAt(double x, double y) {
        return getSkin() instanceof TimelineSkin s ? s.describeAt(x, y) : null;
    }

    /** Where the lanes begin: the width of the names column. */
    public double lanesLeft() {
        return getSkin() instanceof TimelineSkin s ? s.headerWidth() : 0;
    }

    /** Where the lanes begin: the height of the time axis above them. */
    public double lanesTop() {
        return getSkin() instanceof TimelineSkin s ? s.axisHeight() : 0;
    }

    public double getUiScale() {
        return uiScale.get();
    }

    // Styleable colours -----------------------------------------------------------------------------

    private static final List<CssMetaData<? extends Styleable, ?>> CSS;
    private static final List<ColorMeta> COLOR_METAS = new ArrayList<>();

    /** One colour set from CSS, such as {@code -ls-running-color}. */
    private static final class ColorMeta extends CssMetaData<TimelineView, Paint> {
        final int slot;

        ColorMeta(String property, int slot, Paint initial) {
            super(property, PaintConverter.getInstance(), initial);
            this.slot = slot;
        }

        @Override
        public boolean isSettable(TimelineView v) {
            return !v.colors[slot].isBound();
        }

        @Override
        public StyleableProperty<Paint> getStyleableProperty(TimelineView v) {
            return v.colors[slot];
        }
    }

    /** The colour slots, in the order of {@link #COLOR_NAMES}. */
    public enum Ink {
        RUNNING, READY, SLEEPING, WAITING, BLOCKED, WAITING_GIL, WAITING_CORE, IDLE, DONE, FAILED, CANCELLED,
        ARROW, PLAYHEAD, GRID, TEXT, BACKGROUND, HEADER, HIGHLIGHT, FROZEN, LATE, AGGREGATE,
        /** Who holds a GIL or runs on a core: one colour per thread, matched by a swatch beside the thread's name. */
        HOLDER_1, HOLDER_2, HOLDER_3, HOLDER_4, HOLDER_5, HOLDER_6;

        static final Ink[] HOLDERS = {HOLDER_1, HOLDER_2, HOLDER_3, HOLDER_4, HOLDER_5, HOLDER_6};
    }

    /** The ink of the {@code slot}-th thread that holds a GIL or a core (the slots repeat after six). */
    public Paint holderColor(int slot) {
        return color(Ink.HOLDERS[Math.floorMod(slot, Ink.HOLDERS.length)]);
    }

    private static final Color[] DEFAULTS = {
        Color.web("#0969da"), Color.web("#54aeff"), Color.web("#1a7f37"), Color.web("#57606a"), Color.web("#cf222e"),
        Color.web("#bf8700"), Color.web("#8c959f"), Color.web("#d0d7de"), Color.web("#1a7f37"), Color.web("#cf222e"),
        Color.web("#8250df"), Color.web("#57606a"), Color.web("#cf222e"), Color.web("#d8dee4"), Color.web("#1f2328"),
        Color.web("#ffffff"), Color.web("#f6f8fa"), Color.web("#fff8c5"), Color.web("#ffebe9"), Color.web("#cf222e"),
        Color.web("#57606a"),
        Color.web("#4258c9"), Color.web("#41a9c9"), Color.web("#9a42c8"), Color.web("#c84164"), Color.web("#57b757"),
        Color.web("#888888")
    };

    @SuppressWarnings("unchecked")
    private final StyleableObjectProperty<Paint>[] colors = new StyleableObjectProperty[Ink.values().length];

    private final StyleableDoubleProperty lineWidth;

    private static final CssMetaData<TimelineView, Number> LINE_WIDTH = new CssMetaData<>("-ls-line-width",
            SizeConverter.getInstance(), 1.5) {
        @Override
        public boolean isSettable(TimelineView v) {
            return !v.lineWidth.isBound();
        }

        @Override
        public StyleableProperty<Number> getStyleableProperty(TimelineView v) {
            return v.lineWidth;
        }
    };

    static {
        List<CssMetaData<? extends Styleable, ?>> list = new ArrayList<>(Control.getClassCssMetaData());
        for (Ink ink : Ink.values()) {
            ColorMeta m = new ColorMeta("-ls-" + ink.name().toLowerCase().replace('_', '-') + "-color", ink.ordinal(),
                    DEFAULTS[ink.ordinal()]);
            COLOR_METAS.add(m);
            list.add(m);
        }
        list.add(LINE_WIDTH);
        CSS = Collections.unmodifiableList(list);
    }

    {
        for (Ink ink : Ink.values()) {
            colors[ink.ordinal()] = new SimpleStyleableObjectProperty<>(COLOR_METAS.get(ink.ordinal()), this,
                    ink.name().toLowerCase(), DEFAULTS[ink.ordinal()]);
        }
        lineWidth = new SimpleStyleableDoubleProperty(LINE_WIDTH, this, "lineWidth", 1.5);
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getControlCssMetaData() {
        return CSS;
    }

    public ObjectProperty<Paint> colorProperty(Ink ink) {
        return colors[ink.ordinal()];
    }

    public Paint color(Ink ink) {
        return colors[ink.ordinal()].get();
    }

    /** The ink a lane state is drawn in. */
    public Paint color(LaneState state) {
        return color(switch (state) {
            case RUNNING -> Ink.RUNNING;
            case READY -> Ink.READY;
            case SLEEPING -> Ink.SLEEPING;
            case WAITING -> Ink.WAITING;
            case BLOCKED -> Ink.BLOCKED;
            case WAITING_GIL -> Ink.WAITING_GIL;
            case WAITING_CORE -> Ink.WAITING_CORE;
            case IDLE -> Ink.IDLE;
            case DONE -> Ink.DONE;
            case FAILED -> Ink.FAILED;
            case CANCELLED -> Ink.CANCELLED;
        });
    }

    public DoubleProperty lineWidthProperty() {
        return lineWidth;
    }

    public double getLineWidth() {
        return lineWidth.get();
    }
}
