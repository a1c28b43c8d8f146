/**
 * Loopscope: an animated, CPython-faithful simulation of Python concurrency.
 *
 * <p>The engine, the Python front end and the lesson model are plain Java; only
 * {@code dev.loopscope.ui} touches JavaFX.
 */
module dev.loopscope {
    requires java.prefs;
    requires java.management;
    requires javafx.base;
    requires javafx.graphics;
    requires javafx.controls;
    requires javafx.swing;
    requires java.desktop;
    requires atlantafx.base;
    requires org.controlsfx.controls;
    requires org.fxmisc.richtext;
    requires reactfx;
    requires org.fxmisc.flowless;
    requires org.kordamp.ikonli.javafx;
    requires org.kordamp.ikonli.material2;
    requires org.commonmark;
    requires org.commonmark.ext.gfm.tables;
    requires com.fasterxml.jackson.databind;
    requires info.picocli;
    requires org.apache.commons.rng.core;
    requires jdk.unsupported; // sun.misc.Signal: a run that CPython ends by SIGINT ends by SIGINT too

    // Lessons and quizzes find the program runner as a service, so the lesson model does not depend on it.
    uses dev.loopscope.lesson.ProgramOutputs;
    provides dev.loopscope.lesson.ProgramOutputs with dev.loopscope.run.PythonProgramOutputs;

    opens dev.loopscope.cli to info.picocli;

    exports dev.loopscope.cli;
    exports dev.loopscope.ui to javafx.graphics;
    exports dev.loopscope.ui.timeline;
    exports dev.loopscope.engine.trace;
    exports dev.loopscope.run;
}
