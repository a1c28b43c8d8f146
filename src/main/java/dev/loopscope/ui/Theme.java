package dev.loopscope.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/** The three looks: AtlantaFX's Primer light and dark, and a high-contrast theme for washed-out projectors. */
public enum Theme {
    LIGHT("Light"),
    DARK("Dark"),
    HIGH_CONTRAST("High contrast");

    public static final String HIGH_CONTRAST_CLASS = "high-contrast";
    public static final String DARK_CLASS = "theme-dark";
    /** On the root: the timeline uses Okabe and Ito's colour-blind-safe palette. */
    public static final String OKABE_ITO_CLASS = "okabe-ito";

    public final String label;

    Theme(String label) {
        this.label = label;
    }

    /** A theme by name as the command line spells it: light, dark, high-contrast (or hc); light otherwise. */
    public static Theme parse(String name) {
        return switch (name == null ? "" : name.toLowerCase(java.util.Locale.ROOT)) {
            case "dark" -> DARK;
            case "high-contrast", "contrast", "hc" -> HIGH_CONTRAST;
            default -> LIGHT;
        };
    }

    /** The AtlantaFX user-agent stylesheet this theme builds on. */
    public String userAgentStylesheet() {
        return this == DARK ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
    }

    /** Applies the theme to the whole application and marks the scene's root for the app's own CSS. */
    public void apply(Scene scene) {
        Application.setUserAgentStylesheet(userAgentStylesheet());
        String hc = Theme.class.getResource("high-contrast.css").toExternalForm();
        scene.getStylesheets().remove(hc);
        scene.getRoot().getStyleClass().removeAll(HIGH_CONTRAST_CLASS, DARK_CLASS);
        if (this == HIGH_CONTRAST) {
            scene.getStylesheets().add(hc);
            scene.getRoot().getStyleClass().add(HIGH_CONTRAST_CLASS);
        } else if (this == DARK) {
            scene.getRoot().getStyleClass().add(DARK_CLASS);
        }
    }
}
