package dev.loopscope.ui;

/** The About text: versions of the app, Java, JavaFX and AtlantaFX. */
public final class About {

    public static final String KEYS = """
            Space        play / pause
            → ←          one event forward / back (PageDown / PageUp on a clicker)
            Shift+→ ←    one loop iteration forward / back
            Home / End   start / end of the run
            + −  Ctrl+0  zoom in / out / fit; Ctrl+wheel zooms, drag pans
            [ ]          slower / faster
            Ctrl+Enter   run the code
            F5 / Esc     enter / leave presenter mode""";

    private About() {
    }

    public static String appVersion() {
        String v = About.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0";
    }

    public static String text() {
        return "Loopscope " + appVersion() + "\n"
                + "Animates how CPython schedules concurrent code.\n\n"
                + "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")\n"
                + "JavaFX " + System.getProperty("javafx.runtime.version", System.getProperty("javafx.version", "?")) + "\n"
                + "AtlantaFX " + atlantafxVersion();
    }

    static String atlantafxVersion() {
        Package p = atlantafx.base.theme.Theme.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        if (v == null) {
            v = atlantafx.base.theme.Theme.class.getModule().getDescriptor() != null
                    ? atlantafx.base.theme.Theme.class.getModule().getDescriptor().rawVersion().orElse("2.1.0") : "2.1.0";
        }
        return v;
    }
}
