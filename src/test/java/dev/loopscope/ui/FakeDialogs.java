package dev.loopscope.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Dialogs that answer from a script and record messages. */
public final class FakeDialogs implements Dialogs {

    public Path nextOpen;
    public Path nextSave;
    public final List<String> messages = new ArrayList<>();

    @Override
    public Optional<Path> chooseOpen(String title, List<String> extensions) {
        return Optional.ofNullable(nextOpen);
    }

    @Override
    public Optional<Path> chooseSave(String title, String suggestedName, List<String> extensions) {
        return Optional.ofNullable(nextSave);
    }

    @Override
    public void message(String title, String text) {
        messages.add(title + ": " + text);
    }
}
