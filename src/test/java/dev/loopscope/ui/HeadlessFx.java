package dev.loopscope.ui;

/**
 * TestFX's own headless switch looks for Monocle; JavaFX's built-in headless glass platform (set by the build)
 * needs none, so TestFX is told to launch normally on it.
 */
public final class HeadlessFx {

    private HeadlessFx() {
    }

    public static void init() {
        System.setProperty("testfx.headless", "false");
    }
}
