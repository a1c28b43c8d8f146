package dev.loopscope.ui.player;

import dev.loopscope.ui.timeline.TimeScale;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Play/pause, step one event or one loop iteration either way, jump to start or end, a scrubber over the run's
 * virtual time and the playback speed (0.1× to 10× of virtual time).
 */
public final class TransportBar extends HBox {

    public static final String STYLE_CLASS = "transport-bar";

    private final PlayerModel player;
    private final PlaybackClock clock;
    final Button toStart = button(Material2MZ.SKIP_PREVIOUS, "Jump to the start (Home)", "to-start");
    final Button prevIteration = button(Material2AL.FAST_REWIND, "Back one loop iteration (Shift+←)", "prev-iteration");
    final Button stepBack = button(Material2AL.CHEVRON_LEFT, "Back one event (← or PageUp)", "step-back");
    final ToggleButton play = new ToggleButton();
    final Button stepForward = button(Material2AL.CHEVRON_RIGHT, "Forward one event (→ or PageDown)", "step-forward");
    final Button nextIteration = button(Material2AL.FAST_FORWARD, "Forward one loop iteration (Shift+→)", "next-iteration");
    final Button toEnd = button(Material2MZ.SKIP_NEXT, "Jump to the end (End)", "to-end");
    private final Slider scrubber = new Slider(0, 1, 0);
    private final ComboBox<Double> speed = new ComboBox<>();
    private final Label position = new Label();
    private boolean updating;

    public TransportBar(PlayerModel player, PlaybackClock clock) {
        this.player = player;
        this.clock = clock;
        getStyleClass().add(STYLE_CLASS);
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(4);
        play.setId("play");
        play.getStyleClass().add("button-icon");
        play.setTooltip(new Tooltip("Play / pause (Space)"));
        play.selectedProperty().bindBidirectional(clock.playingProperty());
        play.graphicProperty().bind(javafx.beans.binding.Bindings.when(clock.playingProperty())
                .then((javafx.scene.Node) new FontIcon(Material2MZ.PAUSE)).otherwise(new FontIcon(Material2MZ.PLAY_ARROW)));
        toStart.setOnAction(e -> player.toStart());
        prevIteration.setOnAction(e -> player.previousIteration());
        stepBack.setOnAction(e -> {
            clock.pause();
            player.stepBack();
        });
        stepForward.setOnAction(e -> {
            clock.pause();
            player.stepForward();
        });
        nextIteration.setOnAction(e -> {
            clock.pause();
            player.nextIteration();
        });
        toEnd.setOnAction(e -> player.toEnd());
        scrubber.setId("scrubber");
        scrubber.setTooltip(new Tooltip("Drag to move through virtual time"));
        scrubber.valueProperty().addListener((o, a, b) -> {
            if (!updating) {
                player.seekTime((long) (b.doubleValue() * 1e6));
            }
        });
        HBox.setHgrow(scrubber, Priority.ALWAYS);
        scrubber.setMinWidth(120);
        speed.setId("speed");
        for (double p : PlaybackClock.PRESETS) {
            speed.getItems().add(p);
        }
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double d) {
                return d == null ? "" : (d < 1 ? String.format(Locale.ROOT, "%.2f×", d).replace("0×", "×").replace(".0×", "×")
                        : String.format(Locale.ROOT, "%.0f×", d));
            }

            @Override
            public Double fromString(String s) {
                return Double.parseDouble(s.replace("×", ""));
            }
        });
        speed.setValue(clock.getSpeed());
        speed.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                clock.setSpeed(b);
            }
        });
        clock.speedProperty().addListener((o, a, b) -> speed.setValue(b.doubleValue()));
        speed.setTooltip(new Tooltip("Playback speed in virtual seconds per second ([ and ])"));
        position.setId("position");
        position.setMinWidth(170);
        getChildren().addAll(toStart, prevIteration, stepBack, play, stepForward, nextIteration, toEnd, scrubber,
                new Label("Speed"), speed, position);
        player.timeProperty().addListener(o -> refresh());
        player.positionProperty().addListener(o -> refresh());
        player.indexProperty().addListener(o -> refresh());
        refresh();
    }

    private static Button button(Ikon icon, String tip, String id) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.getStyleClass().add("button-icon");
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        return b;
    }

    private void refresh() {
        updating = true;
        try {
            scrubber.setMax(Math.max(1, player.endTime() / 1e6));
            scrubber.setValue(player.getTime() / 1e6);
            boolean none = player.getIndex() == null;
            for (var n : getChildren()) {
                if (n != speed) {
                    n.setDisable(none);
                }
            }
            position.setText(none ? "no run" : String.format(Locale.ROOT, "%s · event %,d of %,d",
                    TimeScale.label(player.getTime(), 1e6), player.getPosition() + 1, player.eventCount()));
        } finally {
            updating = false;
        }
    }

    public Slider scrubber() {
        return scrubber;
    }
}
