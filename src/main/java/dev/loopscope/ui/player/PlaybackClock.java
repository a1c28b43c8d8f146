package dev.loopscope.ui.player;

import java.time.Duration;
import javafx.animation.AnimationTimer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * The playback clock: the one place that turns real time into virtual time. While playing it advances the
 * {@link PlayerModel}'s time by real elapsed time × speed each frame; tests call {@link #advance(Duration)}
 * instead of waiting.
 */
public final class PlaybackClock {

    public static final double MIN_SPEED = 0.1;
    public static final double MAX_SPEED = 10;
    public static final double[] PRESETS = {0.1, 0.25, 0.5, 1, 2, 5, 10};

    private final PlayerModel player;
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing");
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 0.25);
    private final AnimationTimer timer;
    private long lastFrame = -1;
    /** Fractional nanoseconds carried between frames so slow speeds do not stall. */
    private double carry;

    public PlaybackClock(PlayerModel player) {
        this.player = player;
        this.timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (lastFrame >= 0) {
                    advance(Duration.ofNanos(Math.min(now - lastFrame, 100_000_000L)));
                }
                lastFrame = now;
            }
        };
        playing.addListener((o, was, is) -> {
            if (is) {
                if (player.isAtEnd()) {
                    player.toStart();
                }
                lastFrame = -1;
                timer.start();
            } else {
                timer.stop();
            }
        });
        speed.addListener((o, a, b) -> {
            double v = b.doubleValue();
            if (v < MIN_SPEED || v > MAX_SPEED) {
                speed.set(Math.clamp(v, MIN_SPEED, MAX_SPEED));
            }
        });
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    public boolean isPlaying() {
        return playing.get();
    }

    public void play() {
        if (player.getIndex() != null) {
            playing.set(true);
        }
    }

    public void pause() {
        playing.set(false);
    }

    public void toggle() {
        if (isPlaying()) {
            pause();
        } else {
            play();
        }
    }

    /** Virtual seconds per real second. */
    public DoubleProperty speedProperty() {
        return speed;
    }

    public double getSpeed() {
        return speed.get();
    }

    public void setSpeed(double s) {
        speed.set(s);
    }

    /** The next faster or slower preset speed. */
    public void faster() {
        for (double p : PRESETS) {
            if (p > getSpeed() + 1e-9) {
                setSpeed(p);
                return;
            }
        }
    }

    public void slower() {
        for (int i = PRESETS.length - 1; i >= 0; i--) {
            if (PRESETS[i] < getSpeed() - 1e-9) {
                setSpeed(PRESETS[i]);
                return;
            }
        }
    }

    /** Advances the playhead as if {@code real} time had passed while playing; stops at the end. */
    public void advance(Duration real) {
        if (player.getIndex() == null) {
            return;
        }
        double ns = real.toNanos() * getSpeed() + carry;
        long whole = (long) Math.floor(ns);
        carry = ns - whole;
        long target = player.getTime() + whole;
        if (target >= player.endTime()) {
            player.toEnd();
            pause();
        } else {
            player.seekTime(target);
        }
    }
}
