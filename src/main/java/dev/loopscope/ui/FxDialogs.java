package dev.loopscope.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The real dialogs: JavaFX file choosers and alerts. */
public final class FxDialogs implements Dialogs {

    private final Window owner;

    public FxDialogs(Window owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> chooseOpen(String title, List<String> extensions) {
        FileChooser c = chooser(title, extensions);
        File f = c.showOpenDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseSave(String title, String suggestedName, List<String> extensions) {
        FileChooser c = chooser(title, extensions);
        c.setInitialFileName(suggestedName);
        File f = c.showSaveDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
    }

    private static FileChooser chooser(String title, List<String> extensions) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(String.join(", ", extensions), extensions));
        return c;
    }

    @Override
    public void message(String title, String text) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, text);
        a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(title);
        a.showAndWait();
    }
}
