package dev.loopscope.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** File choosers and messages, behind an interface so that view models and tests need no real dialogs. */
public interface Dialogs {

    /** Asks for a file to open; {@code extensions} like "*.md". */
    Optional<Path> chooseOpen(String title, List<String> extensions);

    /** Asks where to save, suggesting a file name. */
    Optional<Path> chooseSave(String title, String suggestedName, List<String> extensions);

    void message(String title, String text);
}
