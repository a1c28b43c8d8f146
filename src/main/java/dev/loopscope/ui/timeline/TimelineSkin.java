package dev.loopscope.ui.timeline;

import dev.loopscope.engine.trace.LaneState;
import dev.loopscope.engine.trace.SegmentList;
import dev.loopscope.engine.trace.Snapshot;
import dev.loopscope.engine.trace.TraceIndex;
import dev.loopscope.engine.trace.TraceIndex.Arrow;
import dev.loopscope.engine.trace.TraceIndex.Frozen;
import dev.loopscope.engine.trace.TraceIndex.Late;
import dev.loopscope.engine.trace.TraceIndex.Lane;
import dev.loopscope.engine.trace.TraceIndex.LaneKind;
import dev.loopscope.engine.trace.TraceIndex.Marker;
import dev.loopscope.ui.timeline.LaneLayout.Row;
import dev.loopscope.ui.timeline.LaneLayout.RowKind;
import dev.loopscope.ui.timeline.TimelineView.Ink;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.beans.Observable;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

/**
 * Draws a {@link TimelineView} on two canvases: the lanes (grid, bars, arrows, markers), redrawn only when the
 * trace, scale, filter, size or colours change; and an overlay (playhead, veil over the future, highlights of
 * what just changed), redrawn as the playhead moves. Redraws are batched: a change marks the canvas dirty and
 * asks for a layout, so there is at most one redraw per pulse.
 */
public class TimelineSkin extends SkinBase<TimelineView> {

    public static final String NOTICE_STYLE_CLASS = "timeline-notice";
    public static final String LEGEND_STYLE_CLASS = "timeline-legend";

    private final Canvas base = new Canvas();
    private final Canvas overlay = new Canvas();
    private final Label notice = new Label();
    private final FlowPane legend = new FlowPane(14, 2);
    private final Tooltip tooltip = new Tooltip();
    private boolean baseDirty = true;
    private boolean overlayDirty = true;
    private LaneLayout.Result layout;
    private int[] laneRow = new int[0];
    private double pressX;
    private double pressY;
    private TimeScale pressScale;
    private boolean dragging;
    private int baseRedraws;

    public TimelineSkin(TimelineView view) {
        super(view);
        notice.getStyleClass().add(NOTICE_STYLE_CLASS);
        notice.setVisible(false);
        notice.setManaged(false);
        notice.setMouseTransparent(true);
        legend.getStyleClass().add(LEGEND_STYLE_CLASS);
        getChildren().addAll(base, overlay, notice, legend);
        buildLegend();
        tooltip.setShowDelay(Duration.millis(120));
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(520);
        Tooltip.install(overlay, tooltip);

        registerChangeListener(view.indexProperty(), e -> {
            view.fit();
            markBaseDirty();
        });
        // A run set before the skin existed is fitted as soon as the lanes have their width.
        if (view.getIndex() != null) {
            view.fitPending = true;
        }
        for (Observable o : new Observable[] {view.scaleProperty(), view.filterProperty(), view.arrowsVisibleProperty(),
                view.widthProperty(), view.heightProperty(), view.lineWidthProperty(), view.titleProperty(),
                view.placeholderProperty()}) {
            registerInvalidationListener(o, e -> markBaseDirty());
        }
        registerInvalidationListener(view.legendVisibleProperty(), e -> markBaseDirty());
        registerInvalidationListener(view.uiScaleProperty(), e -> {
            buildLegend();
            markBaseDirty();
        });
        for (Ink ink : Ink.values()) {
            registerInvalidationListener(view.colorProperty(ink), e -> {
                markBaseDirty();
                buildLegendLater();
            });
        }
        registerInvalidationListener(view.playheadProperty(), e -> onPlayhead());
        registerInvalidationListener(view.highlightedProperty(), e -> markOverlayDirty());
        registerInvalidationListener(view.futureDimmedProperty(), e -> markOverlayDirty());

        overlay.addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        overlay.addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        overlay.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        overlay.addEventHandler(MouseEvent.MOUSE_RELEASED, this::onReleased);
        overlay.addEventHandler(MouseEvent.MOUSE_CLICKED, this::onClicked);
        overlay.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            String text = describeAt(e.getX(), e.getY());
            tooltip.setText(text == null ? "" : text);
            if (text == null) {
                tooltip.hide();
            }
        });
    }

    private boolean legendPending;

    private void buildLegendLater() {
        legendPending = true;
        getSkinnable().requestLayout();
    }

    // Geometry -----------------------------------------------------------------------------------------

    double s() {
        return getSkinnable().getUiScale();
    }

    double headerWidth() {
        return Math.round(170 * s());
    }

    /** Two rows: the tick labels, then the playhead's time tag, so neither hides the other. */
    double axisHeight() {
        return Math.round(36 * Math.sqrt(s()));
    }

    double chartWidth() {
        return Math.max(10, base.getWidth() - headerWidth());
    }

    double lanesHeight() {
        return Math.max(10, base.getHeight() - axisHeight());
    }

    Font font() {
        return Font.font("System", 12 * s());
    }

    Font bold() {
        return Font.font("System", FontWeight.BOLD, 12 * s());
    }

    public int baseRedraws() {
        return baseRedraws;
    }

    // Dirty flags -------------------------------------------------------------------------------------

    private void markBaseDirty() {
        baseDirty = true;
        overlayDirty = true;
        getSkinnable().requestLayout();
    }

    private void markOverlayDirty() {
        overlayDirty = true;
        getSkinnable().requestLayout();
    }

    private void onPlayhead() {
        TimelineView v = getSkinnable();
        TimeScale scale = v.getScale();
        double x = scale.toX(v.playheadProperty().get());
        double w = chartWidth();
        // Follow the playhead, a third of the way in, when it nears the right edge of a run that goes on beyond
        // it, or leaves the view; when the rest of the run is in view the picture stays still.
        boolean more = v.getIndex() != null && scale.toX(v.getIndex().trace().endTime()) > w;
        if (v.getIndex() != null && w > 20 && ((x > w * 0.92 && more) || x < 0 || x > w)) {
            v.setScale(scale.withTimeAt(v.playheadProperty().get(), w * 0.33));
        }
        if (v.getFilter().filtersStates()) {
            baseDirty = true;
        }
        markOverlayDirty();
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        legend.setVisible(getSkinnable().legendVisibleProperty().get());
        legend.setManaged(legend.isVisible());
        double legendH = legend.isVisible() ? legend.prefHeight(w) : 0;
        legend.resizeRelocate(x, y + h - legendH, w, legendH);
        double ch = Math.max(0, h - legendH);
        if (base.getWidth() != w || base.getHeight() != ch) {
            base.setWidth(w);
            base.setHeight(ch);
            overlay.setWidth(w);
            overlay.setHeight(ch);
            baseDirty = true;
            overlayDirty = true;
            if ((getSkinnable().fitPending || getSkinnable().fitted) && chartWidth() >= 100) {
                getSkinnable().fit();
            }
        }
        base.relocate(x, y);
        overlay.relocate(x, y);
        if (legendPending) {
            legendPending = false;
            buildLegend();
        }
        if (baseDirty) {
            baseDirty = false;
            drawBase();
        }
        if (overlayDirty) {
            overlayDirty = false;
            drawOverlay();
        }
        if (notice.isVisible()) {
            double nw = notice.prefWidth(-1);
            double nh = notice.prefHeight(nw);
            notice.resizeRelocate(x + w - nw - 8, y + axisHeight() + 4, nw, nh);
        }
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        return 320;
    }

    @Override
    protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
        return 800;
    }

    @Override
    protected double computeMinWidth(double height, double top, double right, double bottom, double left) {
        // The canvases take whatever width they are given; left to themselves they would report their current
        // width as the minimum, and a timeline once laid out wide (full screen) could never shrink again.
        return 200;
    }

    @Override
    protected double computeMinHeight(double width, double top, double right, double bottom, double left) {
        return 120;
    }

    /** Forces pending redraws now (used by exports and the benchmark). */
    public void redrawNow() {
        drawBase();
        drawOverlay();
        baseDirty = false;
        overlayDirty = false;
    }

    // Base layer ---------------------------------------------------------------------------------------

    private void drawBase() {
        baseRedraws++;
        TimelineView v = getSkinnable();
        GraphicsContext g = base.getGraphicsContext2D();
        double w = base.getWidth();
        double h = base.getHeight();
        g.setFill(v.color(Ink.BACKGROUND));
        g.fillRect(0, 0, w, h);
        TraceIndex ix = v.getIndex();
        if (ix == null || w < 30 || h < 30) {
            layout = null;
            v.setLayoutResult(null);
            notice.setVisible(false);
            g.setFill(v.color(Ink.TEXT));
            g.setFont(font());
            g.setTextBaseline(VPos.CENTER);
            g.fillText(v.placeholderProperty().get(), 16, h / 2);
            return;
        }
        double hw = headerWidth();
        double ah = axisHeight();
        double cw = w - hw;
        double preferredRow = Math.round(26 * s());
        double minRow = Math.max(8, Math.round(11 * s()));
        // A few lanes grow into the room there is (thicker bars read better from afar), up to about twice as tall.
        layout = LaneLayout.layout(ix, v.getFilter(), v.playheadProperty().get(), h - ah, preferredRow, minRow,
                Math.round(56 * s()));
        v.setLayoutResult(layout);
        laneRow = new int[ix.lanes().size()];
        Arrays.fill(laneRow, -1);
        for (int r = 0; r < layout.rows().size(); r++) {
            for (int lane : layout.rows().get(r).lanes()) {
                laneRow[lane] = r;
            }
        }
        updateNotice();
        TimeScale scale = v.getScale();
        // Rows' backgrounds and names.
        g.setFill(v.color(Ink.HEADER));
        g.fillRect(0, 0, hw, h);
        g.fillRect(hw, 0, cw, ah);
        List<Row> rows = layout.rows();
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            double ry = ah + row.y();
            if (r % 2 == 1) {
                g.setFill(withOpacity(v.color(Ink.HEADER), 0.6));
                g.fillRect(hw, ry, cw, row.height());
            }
            if (r > 0 && !rows.get(r - 1).group().equals(row.group())) {
                g.setStroke(v.color(Ink.GRID));
                g.setLineWidth(1);
                g.strokeLine(0, Math.floor(ry) + 0.5, w, Math.floor(ry) + 0.5);
            }
        }
        // Grid and axis.
        g.setFont(font());
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        List<TimeScale.Tick> ticks = scale.ticks(cw, 90 * s());
        g.setLineWidth(1);
        for (TimeScale.Tick t : ticks) {
            double x = Math.floor(hw + t.x()) + 0.5;
            g.setStroke(v.color(Ink.GRID));
            g.strokeLine(x, ah * 0.55, x, h);
            if (x + 3 + t.label().length() * 12 * s() * 0.6 < w) {
                g.setFill(v.color(Ink.TEXT));
                g.fillText(t.label(), x + 3, ah * 0.3);
            }
        }
        g.setStroke(v.color(Ink.GRID));
        g.strokeLine(hw, ah - 0.5, w, ah - 0.5);
        g.strokeLine(hw - 0.5, 0, hw - 0.5, h);

        g.save();
        g.beginPath();
        g.rect(hw, ah, cw, h - ah);
        g.clip();
        g.translate(hw, ah);
        drawFrozen(g, ix, scale, cw);
        for (Row row : rows) {
            if (row.kind() == RowKind.LANE) {
                drawLane(g, ix, row, scale, cw);
            } else {
                drawAggregate(g, ix, row, scale, cw);
            }
        }
        if (v.arrowsVisibleProperty().get()) {
            drawArrows(g, ix, scale, cw);
        }
        drawMarkers(g, ix, scale, cw);
        drawLates(g, ix, scale, cw);
        drawFrozenLabels(g, ix, scale, cw);
        g.restore();

        // Names last, over everything in the header column.
        g.setFill(v.color(Ink.HEADER));
        g.fillRect(0, ah, hw - 1, h - ah);
        g.setFill(v.color(Ink.HEADER));
        g.fillRect(0, 0, hw - 1, ah);
        g.setTextAlign(TextAlignment.LEFT);
        for (Row row : rows) {
            double ry = ah + row.y();
            double fontSize = Math.min(12 * s(), row.height() * 0.8);
            String label = rowLabel(ix, row);
            Font font = row.kind() == RowKind.AGGREGATE || isLoop(ix, row) ? Font.font("System", FontWeight.BOLD, fontSize)
                    : Font.font("System", fontSize);
            g.setFont(font);
            g.setFill(v.color(Ink.TEXT));
            double room = hw - 24 * s();
            if (row.kind() == RowKind.AGGREGATE && !elide(label, room, font).equals(label) && label.contains(": ")) {
                // A folded row that does not fit says how many it folds ("969 tasks") rather than half its names.
                label = label.substring(label.lastIndexOf(": ") + 2);
            } else if (label.endsWith(" · MainThread") && !elide(label, room, font).equals(label)) {
                // A worker process's main thread: the process's name is what tells the lanes apart.
                label = label.substring(0, label.length() - " · MainThread".length());
            }
            g.fillText(elide(label, room, font), 8 * s(), ry + row.height() / 2);
            int slot = swatchSlot(ix, row);
            if (slot >= 0) {
                // The thread's colour in the GIL and core lanes.
                double sz = Math.min(10 * s(), row.height() * 0.6);
                g.setFill(v.holderColor(slot));
                g.fillRect(hw - sz - 6 * s(), ry + (row.height() - sz) / 2, sz, sz);
            }
        }
        String title = v.titleProperty().get();
        g.setFont(bold());
        g.setFill(v.color(Ink.TEXT));
        g.fillText(title != null ? elide(title, hw - 10, 12 * s()) : "virtual time →", 8 * s(), ah * 0.3);
    }

    /** The colour slot of the thread a row stands for, when that thread holds a GIL or a core; else -1. */
    private int swatchSlot(TraceIndex ix, Row row) {
        if (row.kind() != RowKind.LANE) {
            return -1;
        }
        Lane l = ix.lane(row.lanes()[0]);
        return l.kind() == LaneKind.THREAD || l.kind() == LaneKind.LOOP ? holderSlot(l.entity()) : -1;
    }

    private static boolean isLoop(TraceIndex ix, Row row) {
        return row.kind() == RowKind.LANE && ix.lane(row.lanes()[0]).kind() == LaneKind.LOOP;
    }

    private static String rowLabel(TraceIndex ix, Row row) {
        if (row.kind() == RowKind.AGGREGATE) {
            return row.label();
        }
        Lane lane = ix.lane(row.lanes()[0]);
        if (lane.kind() == LaneKind.TASK) {
            return lane.name() + "  " + ix.trace().task(lane.entity()).coroutine() + "()";
        }
        return lane.name();
    }

    private void updateNotice() {
        if (layout.aggregated()) {
            notice.setText(String.format(Locale.ROOT, "%,d lanes shown as counts — filter or zoom to see each",
                    layout.aggregatedLanes()));
            notice.setVisible(true);
        } else if (layout.hiddenLanes() > 0 && getSkinnable().getFilter() != LaneFilter.DEFAULT
                && (getSkinnable().getFilter().filtersStates() || !getSkinnable().getFilter().text().isEmpty())) {
            notice.setText(layout.hiddenLanes() + " lanes hidden by the filter");
            notice.setVisible(true);
        } else {
            notice.setVisible(false);
        }
    }

    /** Measures text as the canvas will draw it (one node, reused: this runs only when the lanes are redrawn). */
    private final javafx.scene.text.Text measure = new javafx.scene.text.Text();

    private String elide(String text, double width, double fontSize) {
        return elide(text, width, Font.font("System", fontSize));
    }

    /** Names as elided for a width and a font, kept across redraws: lanes and fonts rarely change. */
    private final java.util.Map<String, String> elided = new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, String> eldest) {
            return size() > 1024;
        }
    };

    /** The longest middle-elided form of {@code text} that fits {@code width} in {@code font}. */
    private String elide(String text, double width, Font font) {
        return elided.computeIfAbsent(text + "\u0000" + Math.round(width) + "\u0000" + font,
                k -> measureElide(text, width, font));
    }

    private String measureElide(String text, double width, Font font) {
        measure.setFont(font);
        measure.setText(text);
        if (measure.getLayoutBounds().getWidth() <= width) {
            return text;
        }
        int lo = 1;
        int hi = text.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            measure.setText(elideMiddle(text, mid));
            if (measure.getLayoutBounds().getWidth() <= width) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return elideMiddle(text, lo);
    }

    /**
     * Shortens a name to {@code max} characters by cutting its middle, keeping both ends: thread names differ
     * at their end ("ThreadPoolExecutor-0_0", "…-0_1").
     */
    static String elideMiddle(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int tail = Math.min(6, Math.max(1, (max - 1) / 3));
        int head = Math.max(1, max - 1 - tail);
        return text.substring(0, head) + "…" + text.substring(text.length() - tail);
    }

    private void drawLane(GraphicsContext g, TraceIndex ix, Row row, TimeScale scale, double cw) {
        TimelineView v = getSkinnable();
        int lane = row.lanes()[0];
        double pad = Math.max(2, row.height() * 0.18);
        // Whole pixels: crisp edges, and the software renderer fills aligned rectangles fastest.
        double y = Math.round(row.y() + pad);
        double bh = Math.max(2, Math.round(row.y() + row.height() - pad) - y);
        double lw = v.getLineWidth() * Math.max(1, s() * 0.8);
        LaneKind kind = ix.lane(lane).kind();
        boolean held = kind == LaneKind.GIL || kind == LaneKind.CORE;
        LaneLayout.bars(ix, lane, scale, cw, (fx, fw, state, detail, seg) -> {
            double x = Math.round(fx);
            double w = Math.max(1, Math.round(fx + fw) - x);
            if (held && state == LaneState.RUNNING && detail >= 0) {
                // Who holds it, in that thread's colour (its swatch is beside its name), a gap at each hand-over,
                // and its name when there is room.
                Paint ink = v.holderColor(holderSlot(detail));
                g.setFill(ink);
                g.fillRect(x, y, w, bh);
                if (w > 4) {
                    g.setFill(v.color(Ink.BACKGROUND));
                    g.fillRect(x, y, Math.max(1, Math.round(s())), bh);
                }
                if (w > 40 * s()) {
                    g.setFill(contrastOn(ink));
                    g.setFont(Font.font("System", Math.min(11 * s(), bh * 0.8)));
                    g.setTextAlign(TextAlignment.LEFT);
                    g.fillText(elide(ix.trace().thread(detail).name(), w - 6, 11 * s()), x + 4, y + bh / 2);
                }
                return;
            }
            drawBar(g, x, y, w, bh, state, v.color(state), lw);
        });
        LaneState fin = ix.finalState(lane);
        SegmentList segs = ix.segments(lane);
        if (fin != null && segs.size() > 0) {
            double x = scale.toX(segs.end(segs.size() - 1));
            if (x > -10 && x < cw + 10) {
                drawEnd(g, x, row.y() + row.height() / 2, Math.min(row.height() * 0.42, 9 * s()), fin, v.color(fin), lw);
            }
        }
    }

    /** Threads that ever hold a GIL or a core, numbered in thread order: their colour slot, or -1. */
    private int[] holderSlots = new int[0];
    private TraceIndex holdersOf;

    int holderSlot(int thread) {
        TraceIndex ix = getSkinnable().getIndex();
        if (ix != holdersOf) {
            holdersOf = ix;
            holderSlots = new int[ix == null ? 0 : ix.trace().threads().size()];
            java.util.Arrays.fill(holderSlots, -1);
            if (ix != null) {
                java.util.TreeSet<Integer> holders = new java.util.TreeSet<>();
                for (Lane l : ix.lanes()) {
                    // Only lanes that are drawn: a GIL one thread ever held tells nothing, so no swatches for it.
                    if ((l.kind() == LaneKind.GIL || l.kind() == LaneKind.CORE) && !l.trivial()) {
                        SegmentList segs = ix.segments(l.index());
                        for (int i = 0; i < segs.size(); i++) {
                            if (segs.state(i) == LaneState.RUNNING && segs.detail(i) >= 0
                                    && segs.detail(i) < holderSlots.length) {
                                holders.add(segs.detail(i));
                            }
                        }
                    }
                }
                int slot = 0;
                for (int t : holders) {
                    holderSlots[t] = slot++;
                }
            }
        }
        return thread >= 0 && thread < holderSlots.length ? holderSlots[thread] : -1;
    }

    static Paint withOpacity(Paint p, double opacity) {
        return p instanceof Color c ? c.deriveColor(0, 1, 1, opacity) : p;
    }

    private static Paint contrastOn(Paint p) {
        return p instanceof Color c && c.getBrightness() > 0.75 && c.getSaturation() < 0.5 ? Color.BLACK : Color.WHITE;
    }

    /** One span, by state: solid, outlined, hatched one way or the other, dashed or a thin line. */
    private void drawBar(GraphicsContext g, double x, double y, double w, double h, LaneState state, Paint ink, double lw) {
        switch (state) {
            case RUNNING -> {
                g.setFill(ink);
                g.fillRect(x, y, w, h);
            }
            case READY -> {
                g.setFill(withOpacity(ink, 0.25));
                g.fillRect(x, y, w, h);
                g.setStroke(ink);
                g.setLineWidth(lw);
                g.setLineDashes(3 * s(), 3 * s());
                g.strokeRect(x + lw / 2, y + lw / 2, Math.max(0, w - lw), h - lw);
                g.setLineDashes();
            }
            case SLEEPING, WAITING -> {
                // Outline only: the task exists but is parked; a sleep also gets a dotted mid-line ("zzz").
                g.setStroke(ink);
                g.setLineWidth(lw);
                g.strokeRect(x + lw / 2, y + lw / 2, Math.max(0, w - lw), h - lw);
                if (state == LaneState.SLEEPING && w > 8) {
                    g.setLineDashes(1.5 * s(), 4 * s());
                    g.strokeLine(x + 3, y + h / 2, x + w - 3, y + h / 2);
                    g.setLineDashes();
                }
            }
            case BLOCKED, WAITING_GIL, WAITING_CORE -> {
                g.setFill(withOpacity(ink, 0.18));
                g.fillRect(x, y, w, h);
                hatch(g, x, y, w, h, ink, state == LaneState.BLOCKED ? 1 : state == LaneState.WAITING_GIL ? -1 : 0, lw);
                g.setStroke(ink);
                g.setLineWidth(lw);
                g.strokeRect(x + lw / 2, y + lw / 2, Math.max(0, w - lw), h - lw);
            }
            case IDLE -> {
                g.setStroke(ink);
                g.setLineWidth(lw);
                g.strokeLine(x, y + h / 2, x + w, y + h / 2);
            }
            default -> {
                g.setFill(withOpacity(ink, 0.5));
                g.fillRect(x, y, w, h);
            }
        }
    }

    /** Diagonal hatching: direction 1 is "/", -1 is "\", 0 is both (cross-hatch). */
    private void hatch(GraphicsContext g, double x, double y, double w, double h, Paint ink, int direction, double lw) {
        g.save();
        g.beginPath();
        g.rect(x, y, w, h);
        g.clip();
        g.setStroke(ink);
        g.setLineWidth(Math.max(1, lw * 0.8));
        double step = 7 * s();
        for (double d = -h; d < w + h; d += step) {
            if (direction >= 0) {
                g.strokeLine(x + d, y + h, x + d + h, y);
            }
            if (direction <= 0) {
                g.strokeLine(x + d, y, x + d + h, y + h);
            }
        }
        g.restore();
    }

    /** How a task ended, at its lane's end: a check mark, an exclamation mark or a cross. */
    private void drawEnd(GraphicsContext g, double x, double cy, double r, LaneState fin, Paint ink, double lw) {
        g.setLineCap(StrokeLineCap.ROUND);
        switch (fin) {
            case DONE -> {
                g.setStroke(ink);
                g.setLineWidth(lw * 1.4);
                g.strokeLine(x + 1, cy, x + r * 0.6, cy + r * 0.6);
                g.strokeLine(x + r * 0.6, cy + r * 0.6, x + r * 1.5, cy - r * 0.7);
            }
            case FAILED -> {
                g.setFill(ink);
                g.fillOval(x - r, cy - r, 2 * r, 2 * r);
                g.setFill(Color.WHITE);
                g.setFont(Font.font("System", FontWeight.BOLD, r * 1.6));
                g.setTextAlign(TextAlignment.CENTER);
                g.fillText("!", x, cy);
                g.setTextAlign(TextAlignment.LEFT);
            }
            case CANCELLED -> {
                g.setStroke(ink);
                g.setLineWidth(lw * 1.6);
                g.strokeLine(x - r, cy - r, x + r, cy + r);
                g.strokeLine(x - r, cy + r, x + r, cy - r);
            }
            default -> { }
        }
        g.setLineCap(StrokeLineCap.SQUARE);
    }

    private void drawAggregate(GraphicsContext g, TraceIndex ix, Row row, TimeScale scale, double cw) {
        TimelineView v = getSkinnable();
        int columns = Math.max(1, (int) Math.ceil(cw / 2));
        int[][] counts = LaneLayout.histogram(ix, row.lanes(), scale, cw, columns);
        int top = (int) Math.round(row.y()) + 1;
        int bottom = (int) Math.round(row.y() + row.height()) - 1;
        // Whole-pixel rectangles, neighbours merged, one colour at a time: thousands of columns cost a few fills.
        LaneState current = null;
        for (LaneLayout.Block b : LaneLayout.stackedBlocks(counts, row.laneCount(), cw, top, bottom)) {
            if (b.state() != current) {
                current = b.state();
                Paint ink = v.color(current);
                g.setFill(current == LaneState.SLEEPING || current == LaneState.WAITING || current.isFinal()
                        ? withOpacity(ink, current.isFinal() ? 0.35 : 0.55) : ink);
            }
            g.fillRect(b.x0(), b.top(), b.x1() - b.x0(), b.bottom() - b.top());
        }
        g.setStroke(v.color(Ink.AGGREGATE));
        g.setLineWidth(1);
        g.setLineDashes(4, 3);
        g.strokeRect(0.5, top - 0.5, cw - 1, bottom - top + 1);
        g.setLineDashes();
    }

    private void drawFrozen(GraphicsContext g, TraceIndex ix, TimeScale scale, double cw) {
        TimelineView v = getSkinnable();
        double h = layout.rows().isEmpty() ? 0 : layout.rows().getLast().y() + layout.rows().getLast().height();
        for (Frozen f : ix.frozen()) {
            double x0 = scale.toX(f.start());
            double x1 = scale.toX(f.end());
            if (x1 < 0 || x0 > cw || f.duration() < 20_000_000L) {
                continue;
            }
            g.setFill(v.color(Ink.FROZEN));
            g.fillRect(x0, 0, x1 - x0, h);
            hatch(g, x0, 0, x1 - x0, h, withOpacity(v.color(Ink.BLOCKED), 0.18), 1, 1);
        }
    }

    private void drawFrozenLabels(GraphicsContext g, TraceIndex ix, TimeScale scale, double cw) {
        TimelineView v = getSkinnable();
        for (Frozen f : ix.frozen()) {
            double x0 = scale.toX(f.start());
            double x1 = scale.toX(f.end());
            if (x1 < 0 || x0 > cw || f.duration() < 20_000_000L) {
                continue;
            }
            String text = "loop frozen " + TimeScale.duration(f.duration());
            double size = Math.clamp((x1 - x0) / 9, 11 * s(), 26 * s());
            g.setFont(Font.font("System", FontWeight.BOLD, size));
            g.setTextAlign(TextAlignment.CENTER);
            double cx = Math.clamp((Math.max(0, x0) + Math.min(cw, x1)) / 2, 0, cw);
            int row = laneRow[f.lane()];
            double y = row >= 0 ? layout.rows().get(row).y() + layout.rows().get(row).height() / 2 : size;
            g.setFill(withOpacity(v.color(Ink.BACKGROUND), 0.85));
            double tw = text.length() * size * 0.58;
            g.fillRoundRect(cx - tw / 2 - 6, y - size * 0.7, tw + 12, size * 1.4, 8, 8);
            g.setFill(v.color(Ink.BLOCKED));
            g.fillText(text, cx, y);
            g.setTextAlign(TextAlignment.LEFT);
        }
    }

    private void drawLates(GraphicsContext g, TraceIndex ix, TimeScale scale, double cw) {
        TimelineView v = getSkinnable();
        Paint ink = v.color(Ink.LATE);
        for (Late late : ix.lates()) {
            int r = laneRow[late.lane()];
            if (r < 0 || layout.rows().get(r).kind() != RowKind.LANE) {
                continue;
            }
            Row row = layout.rows().get(r);
            double xd = scale.toX(late.due());
            double xa = scale.toX(late.actual());
            if (xa < -50 || xd > cw + 50) {
                continue;
            }
            double cy = row.y() + row.height() / 2;
            double rad = Math.min(row.height() * 0.35, 7 * s());
            // A hollow diamond where the tick was due, an arrow to where it ran, and by how much.
            g.setStroke(ink);
            g.setLineWidth(v.getLineWidth());
            g.strokePolygon(new double[] {xd, xd + rad, xd, xd - rad}, new double[] {cy - rad, cy, cy + rad, cy}, 4);
            g.setLineDashes(4, 3);
            g.strokeLine(xd + rad, cy, xa - 2, cy);
            g.setLineDashes();
            arrowHead(g, xd, cy, xa, cy, 6 * s(), ink);
            g.setFill(ink);
            g.fillPolygon(new double[] {xa, xa + rad, xa, xa - rad}, new double[] {cy - rad, cy, cy + rad, cy}, 4);
            if (xa - xd > 40 * s()) {
                double size = Math.min(12 * s(), row.height() * 0.7);
                String text = "+" + TimeScale.duration(late.lateness()) + " late";
                double tw = text.length() * size * 0.6;
                double ty = row.y() + row.height() * 0.22;
                // On a plate of the background, so it reads over the frozen loop's band in any theme.
                g.setFill(withOpacity(v.color(Ink.BACKGROUND), 0.85));
                g.fillRoundRect((xd + xa) / 2 - tw / 2 - 4, ty - size * 0.65, tw + 8, size * 1.3, 6, 6);
                g.setFill(ink);
                g.setFont(Font.font("System", FontWeight.BOLD, size));
                g.setTextAlign(TextAlignment.CENTER);
                g.fillText(text, (xd + xa) / 2, ty);
                g.setTextAlign(TextAlignment.LEFT);
            }
        }
    }

    private void drawArrows(GraphicsContext g, TraceIndex ix, TimeScale scale, double cw) {
        TimelineView v = getSkinnable();
        List<Arrow> arrows = ix.arrows();
        long from = (long) scale.toTime(-20);
        long to = (long) scale.toTime(cw + 20);
        int drawn = 0;
        for (Arrow a : arrows) {
            if (Math.max(a.fromTime(), a.toTime()) < from || Math.min(a.fromTime(), a.toTime()) > to) {
                continue;
            }
            int r0 = laneRow[a.fromLane()];
            int r1 = laneRow[a.toLane()];
            if (r0 < 0 || r1 < 0 || r0 == r1) {
                continue;
            }
            Row f = layout.rows().get(r0);
            Row t = layout.rows().get(r1);
            if (f.kind() != RowKind.LANE || t.kind() != RowKind.LANE) {
                continue;
            }
            if (++drawn > 600) {
                break;
            }
            double x0 = scale.toX(a.fromTime());
            double x1 = scale.toX(a.toTime());
            double y0 = f.y() + f.height() / 2;
            double y1 = t.y() + t.height() / 2;
            Paint ink = switch (a.kind()) {
                case CANCEL -> v.color(Ink.CANCELLED);
                case WAKE -> v.color(Ink.SLEEPING);
                case SUBMIT -> v.color(Ink.RUNNING);
                default -> v.color(Ink.ARROW);
            };
            g.setStroke(ink);
            g.setLineWidth(Math.max(1, v.getLineWidth() * 0.8));
            if (a.kind() == TraceIndex.ArrowKind.AWAIT) {
                g.setLineDashes(4 * s(), 3 * s());
            }
            double bend = Math.max(10 * s(), Math.abs(y1 - y0) * 0.25);
            g.beginPath();
            g.moveTo(x0, y0);
            g.bezierCurveTo(x0 + bend, y0, x1 - bend, y1, x1, y1);
            g.stroke();
            g.setLineDashes();
            arrowHead(g, x1 - bend, y1, x1, y1, 5 * s(), ink);
        }
    }

    private static void arrowHead(GraphicsContext g, double fx, double fy, double x, double y, double size, Paint ink) {
        double angle = Math.atan2(y - fy, x - fx);
        double a1 = angle + Math.PI * 0.85;
        double a2 = angle - Math.PI * 0.85;
        g.setFill(ink);
        g.fillPolygon(new double[] {x, x + size * Math.cos(a1), x + size * Math.cos(a2)},
                new double[] {y, y + size * Math.sin(a1), y + size * Math.sin(a2)}, 3);
    }

    private void drawMarkers(GraphicsContext g, TraceIndex ix, TimeScale scale, double cw) {
        TimelineView v = getSkinnable();
        List<Marker> markers = ix.markers();
        double lw = v.getLineWidth();
        double lastX = Double.NaN;
        int lastRow = -1;
        for (Marker m : markers) {
            if (m.kind() == TraceIndex.MarkerKind.RETURNED) {
                continue; // the lane's end says it
            }
            int r = laneRow[m.lane()];
            if (r < 0 || layout.rows().get(r).kind() != RowKind.LANE) {
                continue;
            }
            double x = scale.toX(m.time());
            if (x < -10 || x > cw + 10) {
                continue;
            }
            if (r == lastRow && Math.abs(x - lastX) < 1 && m.kind() == TraceIndex.MarkerKind.OUTPUT) {
                continue;
            }
            lastRow = r;
            lastX = x;
            Row row = layout.rows().get(r);
            double cy = row.y() + row.height() / 2;
            double rad = Math.min(row.height() * 0.4, 8 * s());
            drawMarker(g, m.kind(), x, cy, rad, row, lw);
        }
    }

    private void drawMarker(GraphicsContext g, TraceIndex.MarkerKind kind, double x, double cy, double r, Row row, double lw) {
        TimelineView v = getSkinnable();
        switch (kind) {
            case RAISED -> {
                g.setFill(v.color(Ink.FAILED));
                g.fillPolygon(new double[] {x, x + r * 1.1, x - r * 1.1}, new double[] {cy - r * 1.1, cy + r, cy + r}, 3);
                g.setFill(Color.WHITE);
                g.setFont(Font.font("System", FontWeight.BOLD, r * 1.3));
                g.setTextAlign(TextAlignment.CENTER);
                g.fillText("!", x, cy + r * 0.25);
                g.setTextAlign(TextAlignment.LEFT);
            }
            case CANCEL_REQUESTED -> {
                g.setStroke(v.color(Ink.CANCELLED));
                g.setLineWidth(lw);
                g.strokeOval(x - r, cy - r, 2 * r, 2 * r);
                g.strokeLine(x - r * 0.5, cy - r * 0.5, x + r * 0.5, cy + r * 0.5);
                g.strokeLine(x - r * 0.5, cy + r * 0.5, x + r * 0.5, cy - r * 0.5);
            }
            case CANCELLED -> { }
            case THROWN_IN -> {
                // A lightning-like down triangle: an exception thrown into the coroutine as it resumes.
                g.setFill(v.color(Ink.CANCELLED));
                g.fillPolygon(new double[] {x - r, x + r, x}, new double[] {row.y() + 1, row.y() + 1, cy}, 3);
            }
            case TIMEOUT_ARMED, TIMEOUT_FIRED -> {
                Paint ink = v.color(kind == TraceIndex.MarkerKind.TIMEOUT_FIRED ? Ink.FAILED : Ink.WAITING);
                g.setStroke(ink);
                g.setLineWidth(lw);
                if (kind == TraceIndex.MarkerKind.TIMEOUT_FIRED) {
                    g.setFill(withOpacity(ink, 0.3));
                    g.fillOval(x - r, cy - r, 2 * r, 2 * r);
                }
                g.strokeOval(x - r, cy - r, 2 * r, 2 * r);
                g.strokeLine(x, cy, x, cy - r * 0.7);
                g.strokeLine(x, cy, x + r * 0.5, cy);
            }
            case OUTPUT -> {
                g.setFill(v.color(Ink.TEXT));
                double sz = Math.max(3, r * 0.7);
                g.fillRect(x - sz / 2, row.y() + row.height() - sz - 1, sz, sz);
            }
            case STOPPED -> {
                g.setFill(v.color(Ink.FAILED));
                g.fillRect(x - 2, 0, 4, layout.rows().getLast().y() + layout.rows().getLast().height());
            }
            default -> { }
        }
    }

    // Overlay ------------------------------------------------------------------------------------------

    private void drawOverlay() {
        TimelineView v = getSkinnable();
        GraphicsContext g = overlay.getGraphicsContext2D();
        double w = overlay.getWidth();
        double h = overlay.getHeight();
        g.clearRect(0, 0, w, h);
        TraceIndex ix = v.getIndex();
        if (ix == null || layout == null) {
            return;
        }
        double hw = headerWidth();
        double ah = axisHeight();
        TimeScale scale = v.getScale();
        double px = hw + scale.toX(v.playheadProperty().get());
        double bottom = layout.rows().isEmpty() ? h : Math.min(h, ah + layout.rows().getLast().y() + layout.rows().getLast().height());
        if (v.futureDimmedProperty().get() && px < w) {
            g.setFill(withOpacity(v.color(Ink.BACKGROUND), 0.45));
            g.fillRect(Math.max(hw, px), ah, w - Math.max(hw, px), bottom - ah);
        }
        Set<Integer> changed = v.highlightedProperty().get();
        if (!changed.isEmpty()) {
            Set<Integer> rows = new HashSet<>();
            for (int lane : changed) {
                if (lane >= 0 && lane < laneRow.length && laneRow[lane] >= 0) {
                    rows.add(laneRow[lane]);
                }
            }
            for (int r : rows) {
                Row row = layout.rows().get(r);
                // What the last step changed: the row's name tinted, with a bar in the playhead's colour.
                g.setFill(withOpacity(v.color(Ink.HIGHLIGHT), 0.45));
                g.fillRect(0, ah + row.y(), hw - 1, row.height());
                g.setFill(v.color(Ink.PLAYHEAD));
                g.fillRect(0, ah + row.y(), Math.round(5 * s()), row.height());
            }
        }
        if (px >= hw && px <= w) {
            g.setStroke(v.color(Ink.PLAYHEAD));
            g.setLineWidth(Math.max(2, 2 * s()));
            g.strokeLine(px, ah * 0.55, px, bottom);
            g.setFill(v.color(Ink.PLAYHEAD));
            double r = 6 * s();
            g.fillPolygon(new double[] {px - r, px + r, px}, new double[] {ah - r * 1.3, ah - r * 1.3, ah}, 3);
            String label = TimeScale.label(v.playheadProperty().get(), 1e6);
            g.setFont(bold());
            g.setTextBaseline(VPos.CENTER);
            double tw = label.length() * 12 * s() * 0.6 + 8;
            double lx = px + r + tw + 4 > w ? px - r - tw - 2 : px + r + 2;
            g.setFill(withOpacity(v.color(Ink.BACKGROUND), 0.9));
            g.fillRect(lx, ah * 0.52, tw, ah * 0.46);
            g.setFill(v.color(Ink.PLAYHEAD));
            g.fillText(label, lx + 4, ah * 0.75);
        }
    }

    // Legend ---------------------------------------------------------------------------------------

    private void buildLegend() {
        legend.getChildren().clear();
        double sz = 14 * s();
        LaneState[] states = {LaneState.RUNNING, LaneState.READY, LaneState.SLEEPING, LaneState.WAITING,
            LaneState.BLOCKED, LaneState.WAITING_GIL, LaneState.IDLE};
        String[] names = {"running", "ready (queued)", "sleeping", "awaiting", "blocked", "waiting for GIL", "idle"};
        for (int i = 0; i < states.length; i++) {
            Canvas c = new Canvas(sz * 2, sz);
            drawBar(c.getGraphicsContext2D(), 0, 0, sz * 2, sz, states[i], getSkinnable().color(states[i]),
                    getSkinnable().getLineWidth());
            Label l = new Label(names[i], c);
            l.setFont(font());
            legend.getChildren().add(l);
        }
        LaneState[] ends = {LaneState.DONE, LaneState.FAILED, LaneState.CANCELLED};
        String[] endNames = {"done", "raised", "cancelled"};
        for (int i = 0; i < ends.length; i++) {
            Canvas c = new Canvas(sz * 1.8, sz);
            drawEnd(c.getGraphicsContext2D(), sz * 0.7, sz / 2, sz * 0.42, ends[i], getSkinnable().color(ends[i]),
                    getSkinnable().getLineWidth());
            Label l = new Label(endNames[i], c);
            l.setFont(font());
            legend.getChildren().add(l);
        }
        Canvas late = new Canvas(sz * 2.4, sz);
        GraphicsContext g = late.getGraphicsContext2D();
        Paint ink = getSkinnable().color(Ink.LATE);
        g.setStroke(ink);
        g.strokePolygon(new double[] {sz * 0.4, sz * 0.8, sz * 0.4, 0}, new double[] {0, sz / 2, sz, sz / 2}, 4);
        g.setFill(ink);
        g.fillPolygon(new double[] {sz * 2, sz * 2.4, sz * 2, sz * 1.6}, new double[] {0, sz / 2, sz, sz / 2}, 4);
        Label l = new Label("late timer (due → ran)", late);
        l.setFont(font());
        legend.getChildren().add(l);
    }

    // Interaction ------------------------------------------------------------------------------------

    private void onScroll(ScrollEvent e) {
        TimelineView v = getSkinnable();
        double x = e.getX() - headerWidth();
        if (e.isControlDown() || e.isShortcutDown()) {
            double factor = Math.exp(e.getDeltaY() * 0.004);
            v.setScale(v.getScale().zoomAround(Math.max(0, x), factor));
        } else {
            double d = Math.abs(e.getDeltaX()) > Math.abs(e.getDeltaY()) ? e.getDeltaX() : e.getDeltaY();
            v.setScale(v.getScale().pan(d));
        }
        e.consume();
    }

    private void onPressed(MouseEvent e) {
        pressX = e.getX();
        pressY = e.getY();
        pressScale = getSkinnable().getScale();
        dragging = false;
        getSkinnable().requestFocus();
    }

    private void onDragged(MouseEvent e) {
        if (pressScale == null || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        double dx = e.getX() - pressX;
        if (Math.abs(dx) > 3 || Math.abs(e.getY() - pressY) > 3) {
            dragging = true;
        }
        if (dragging) {
            getSkinnable().setScale(pressScale.pan(dx));
        }
    }

    private void onReleased(MouseEvent e) {
        if (!dragging && e.getButton() == MouseButton.PRIMARY && e.getX() > headerWidth()) {
            getSkinnable().seek(Math.max(0, (long) getSkinnable().getScale().toTime(e.getX() - headerWidth())));
        }
        pressScale = null;
    }

    private void onClicked(MouseEvent e) {
        if (e.getClickCount() == 2 && e.getX() < headerWidth() && layout != null) {
            Row row = rowAt(e.getY());
            if (row != null) {
                toggleGroup(row.group());
            }
        }
    }

    /** Collapses a group of lanes into one counting row, or expands it again. */
    public void toggleGroup(String group) {
        TimelineView v = getSkinnable();
        Set<String> groups = new HashSet<>(v.getFilter().collapsedGroups());
        if (!groups.remove(group)) {
            groups.add(group);
        }
        v.setFilter(v.getFilter().withCollapsed(groups));
    }

    private Row rowAt(double y) {
        if (layout == null) {
            return null;
        }
        double ly = y - axisHeight();
        for (Row r : layout.rows()) {
            if (r.contains(ly)) {
                return r;
            }
        }
        return null;
    }

    String describeAt(double x, double y) {
        TimelineView v = getSkinnable();
        TraceIndex ix = v.getIndex();
        Row row = rowAt(y);
        if (ix == null || row == null) {
            if (ix != null && y < axisHeight() && x > headerWidth()) {
                return "Virtual time " + TimeScale.label(v.getScale().toTime(x - headerWidth()), 1e6)
                        + " — click to move the playhead here";
            }
            return null;
        }
        if (x < headerWidth()) {
            return describeRow(ix, row) + "\nDouble-click to " + (row.kind() == RowKind.AGGREGATE ? "expand" : "collapse")
                    + " the group “" + row.group() + "”";
        }
        TimeScale scale = v.getScale();
        double cx = x - headerWidth();
        long time = (long) scale.toTime(cx);
        if (row.kind() == RowKind.AGGREGATE) {
            int[][] counts = LaneLayout.histogram(ix, row.lanes(), new TimeScale(time, 1), 1, 1);
            StringBuilder b = new StringBuilder(row.label()).append(" at ").append(TimeScale.label(time, 1e6));
            for (LaneState st : LaneState.values()) {
                int n = counts[st.ordinal()][0];
                if (n > 0) {
                    b.append("\n  ").append(stateName(st)).append(": ").append(String.format(Locale.ROOT, "%,d", n));
                }
            }
            return b.toString();
        }
        int lane = row.lanes()[0];
        double tolerance = 6 * s();
        for (Marker m : ix.markers()) {
            if (m.lane() == lane && Math.abs(scale.toX(m.time()) - cx) <= tolerance) {
                return ix.lane(lane).name() + " · " + markerName(m.kind()) + " at " + TimeScale.label(m.time(), 1e6)
                        + "\n" + m.text() + lineOf(ix, m.seq());
            }
        }
        for (Late late : ix.lates()) {
            if (late.lane() == lane && cx >= scale.toX(late.due()) - tolerance && cx <= scale.toX(late.actual()) + tolerance) {
                return ix.lane(lane).name() + " · timer due at " + TimeScale.label(late.due(), 1e6) + " ran at "
                        + TimeScale.label(late.actual(), 1e6) + ": " + TimeScale.duration(late.lateness())
                        + " late\nThe loop could not run the due callback sooner.";
            }
        }
        SegmentList s = ix.segments(lane);
        int i = s.at(time);
        if (i < 0) {
            LaneState st = LaneLayout.stateAt(ix, lane, time);
            return describeRow(ix, row) + (st != null ? "\n" + stateName(st) : "\nnot started yet");
        }
        StringBuilder b = new StringBuilder(describeRow(ix, row));
        b.append("\n").append(stateName(s.state(i))).append(" from ").append(TimeScale.label(s.start(i), 1e6))
                .append(" to ").append(TimeScale.label(s.end(i), 1e6)).append(" (")
                .append(TimeScale.duration(s.end(i) - s.start(i))).append(")");
        int detail = s.detail(i);
        Lane l = ix.lane(lane);
        if ((l.kind() == LaneKind.GIL || l.kind() == LaneKind.CORE) && detail >= 0) {
            b.append("\nheld by ").append(ix.trace().thread(detail).name());
        } else if (l.kind() == LaneKind.THREAD && detail >= 0 && detail < ix.trace().works().size()) {
            b.append("\nrunning ").append(ix.trace().works().get(detail).function());
        } else if (l.kind() == LaneKind.TASK && detail >= 0) {
            var f = ix.trace().futures().get(detail);
            int awaited = ix.taskOfFuture(detail);
            if (f != null) {
                b.append("\nawaiting ").append(f.label());
            } else if (awaited >= 0) {
                b.append("\nawaiting ").append(ix.taskName(awaited));
            }
        }
        b.append(lineOf(ix, ix.trace().lastIndexAtOrBefore(s.start(i))));
        return b.toString();
    }

    private static String lineOf(TraceIndex ix, int seq) {
        if (seq < 0) {
            return "";
        }
        Snapshot snap = ix.snapshot(seq);
        return snap.line() > 0 ? "\nline " + snap.line() : "";
    }

    private static String describeRow(TraceIndex ix, Row row) {
        if (row.kind() == RowKind.AGGREGATE) {
            return row.label();
        }
        Lane l = ix.lane(row.lanes()[0]);
        return switch (l.kind()) {
            case TASK -> {
                var info = ix.trace().task(l.entity());
                yield l.name() + " · " + info.coroutine() + "()"
                        + (info.line() > 0 ? " · created at line " + info.line() : "");
            }
            case LOOP -> l.name() + " · runs the ready callbacks, then waits in select() for the next timer";
            case GIL -> l.name() + " · who holds the interpreter lock";
            case CORE -> l.name() + " · which thread runs on this simulated core";
            case THREAD -> l.name() + " · thread";
            case PROCESS -> l.name() + " · process";
        };
    }

    static String stateName(LaneState s) {
        return switch (s) {
            case RUNNING -> "running";
            case READY -> "ready: queued to run";
            case SLEEPING -> "sleeping";
            case WAITING -> "awaiting";
            case BLOCKED -> "blocked (holding the thread)";
            case WAITING_GIL -> "waiting for the GIL";
            case WAITING_CORE -> "waiting for a core";
            case IDLE -> "idle";
            case DONE -> "done";
            case FAILED -> "raised an exception";
            case CANCELLED -> "cancelled";
        };
    }

    private static String markerName(TraceIndex.MarkerKind k) {
        return switch (k) {
            case RAISED -> "raised";
            case CANCEL_REQUESTED -> "cancel requested";
            case CANCELLED -> "cancelled";
            case THROWN_IN -> "exception thrown in";
            case TIMEOUT_ARMED -> "timeout armed";
            case TIMEOUT_FIRED -> "timeout fired";
            case OUTPUT -> "printed";
            case RETURNED -> "returned";
            case STOPPED -> "stopped";
        };
    }
}
