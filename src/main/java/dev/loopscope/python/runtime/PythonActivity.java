package dev.loopscope.python.runtime;

import dev.loopscope.engine.Activity;
import java.util.List;

/** An activity running Python code: what it is executing now, for the visualiser. */
public interface PythonActivity extends Activity {

    /** The line the innermost frame runs next (0 when no Python frame is active). */
    int currentLine();

    /** The Python frames, innermost first. */
    List<PyThread.StackEntry> stack();
}
