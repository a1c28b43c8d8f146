package dev.loopscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopscope.ui.export.ExportJob;
import dev.loopscope.ui.timeline.TimeScale;
import dev.loopscope.ui.timeline.TimelineView;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** A lecturer: presenter mode and its keys, themes for the projector, pictures for the slides. */
class PresenterFlowTest extends WindowTestBase {

    private void press(KeyCode... keys) {
        for (KeyCode k : keys) {
            robot.press(k).release(k);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void presenterModeHidesTheChromeScalesUpAndAnswersTheKeyboard() throws Exception {
        openLesson("9");
        double navigatorWidth = onFx(() -> stage.getScene().lookup("#navigator").getLayoutBounds().getWidth());
        assertThat(navigatorWidth).isGreaterThan(100);
        fx(() -> window.timeline().requestFocus());
        press(KeyCode.F5);
        assertThat(window.presentingProperty().get()).isTrue();
        assertThat(window.timeline().getUiScale()).isEqualTo(window.presenterScale()).isGreaterThanOrEqualTo(1.25);
        assertThat(stage.getScene().lookup("#navigator")).isNull();
        assertThat(stage.getScene().lookup("#scrubber")).isNull();
        assertThat(window.code().area().isEditable()).isFalse();
        // scaled up, the long code title gives way, never the Run button's label
        javafx.scene.control.Button run = (javafx.scene.control.Button) stage.getScene().lookup("#run");
        assertThat(onFx(() -> run.getWidth())).isGreaterThanOrEqualTo(onFx(() -> run.prefWidth(-1)) - 0.5);

        press(KeyCode.PAGE_DOWN, KeyCode.PAGE_DOWN, KeyCode.RIGHT);
        assertThat(window.player().getPosition()).isEqualTo(2);
        press(KeyCode.PAGE_UP, KeyCode.LEFT);
        assertThat(window.player().getPosition()).isEqualTo(0);
        press(KeyCode.END);
        assertThat(window.player().isAtEnd()).isTrue();
        press(KeyCode.HOME);
        assertThat(window.player().getPosition()).isEqualTo(-1);

        press(KeyCode.SPACE);
        assertThat(window.clock().isPlaying()).isTrue();
        press(KeyCode.SPACE);
        assertThat(window.clock().isPlaying()).isFalse();

        TimeScale fitted = window.timeline().getScale();
        press(KeyCode.PLUS);
        assertThat(window.timeline().getScale().nsPerPixel()).isLessThan(fitted.nsPerPixel());
        press(KeyCode.MINUS, KeyCode.MINUS);
        assertThat(window.timeline().getScale().nsPerPixel()).isGreaterThan(fitted.nsPerPixel());

        press(KeyCode.ESCAPE);
        assertThat(window.presentingProperty().get()).isFalse();
        assertThat(window.timeline().getUiScale()).isEqualTo(1.0);
        assertThat(stage.getScene().lookup("#navigator")).isNotNull();
        // The lesson side comes back at its share of the window, not squeezed to nothing.
        WaitForAsyncUtils.waitForFxEvents();
        double share = navigatorWidth / onFx(() -> stage.getScene().getWidth());
        assertThat(onFx(() -> stage.getScene().lookup("#navigator").getLayoutBounds().getWidth()
                / stage.getScene().getWidth())).isCloseTo(share, org.assertj.core.data.Offset.offset(0.02));
        assertThat(window.code().area().isEditable()).isTrue();
    }

    @Test
    void themesChangeTheTimelineInksFromTheStylesheets() throws Exception {
        openLesson("9");
        var light = window.timeline().color(TimelineView.Ink.BACKGROUND);
        fx(() -> window.themeProperty().set(Theme.DARK));
        assertThat(window.timeline().color(TimelineView.Ink.BACKGROUND)).isNotEqualTo(light);
        assertThat(((Color) window.timeline().color(TimelineView.Ink.BACKGROUND)).getBrightness()).isLessThan(0.3);
        fx(() -> window.themeProperty().set(Theme.HIGH_CONTRAST));
        assertThat(window.timeline().getLineWidth()).isEqualTo(3.0);
        assertThat(window.timeline().color(TimelineView.Ink.TEXT)).isEqualTo(Color.BLACK);
        fx(() -> window.themeProperty().set(Theme.LIGHT));
        assertThat(window.timeline().color(TimelineView.Ink.BACKGROUND)).isEqualTo(light);
    }

    @Test
    void theLabExportsAsPngAndGif(@TempDir Path dir) throws Exception {
        openLesson("9");
        Path png = dir.resolve("lab.png");
        dialogs.nextSave = png;
        fx(() -> window.exportPng(png, 2));
        BufferedImage image = ImageIO.read(png.toFile());
        double labWidth = onFx(() -> window.exportNode().getLayoutBounds().getWidth());
        assertThat(image.getWidth()).isEqualTo((int) Math.ceil(labWidth * 2));
        assertThat(window.status()).isEqualTo("Wrote " + png);
        Path gif = dir.resolve("anim.gif");
        fx(() -> window.exportGif(gif, 4));
        assertThat(Files.size(gif)).isGreaterThan(1000);
    }

    @Test
    void theExportCommandRendersALessonAtAVirtualTimeOffScreen(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("lesson9.png");
        String message = onFx(() -> {
            try {
                return ExportJob.render(new ExportJob.Request("9", 0.35, out, Theme.DARK, 1, 1366, 768, false, null,
                        false));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(message).isEqualTo("wrote " + out);
        BufferedImage image = ImageIO.read(out.toFile());
        assertThat(image.getWidth()).isEqualTo(1366);
        assertThat(image.getHeight()).isEqualTo(768);
        // Dark theme: the picture is mostly dark.
        int rgb = image.getRGB(1300, 700);
        assertThat(((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)).isLessThan(3 * 90);
    }

    @Test
    void theExportCommandTakesAPythonFileOrALessonFileToo(@TempDir Path dir) throws Exception {
        Path py = write(dir, "hello.py", "import asyncio\n\nasync def main():\n    await asyncio.sleep(0.1)\n"
                + "    print('hello')\n\nasyncio.run(main())\n");
        Path md = write(dir, "lesson.md", "## 12. A lesson of my own\n\n<!-- loopscope: animate view=tasks -->\n"
                + "```python\nimport asyncio\n\nasync def main():\n    await asyncio.sleep(0.2)\n\nasyncio.run(main())\n```\n");
        for (Path target : new Path[] {py, md}) {
            Path out = dir.resolve(target.getFileName() + ".png");
            onFx(() -> {
                try {
                    return ExportJob.render(new ExportJob.Request(target.toString(), -1, out, Theme.LIGHT, 1, 800, 600,
                            false, null, true));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertThat(ImageIO.read(out.toFile()).getWidth()).isGreaterThan(300);
        }
        Path missing = dir.resolve("nothing.py");
        assertThat(onFx(() -> {
            try {
                ExportJob.render(new ExportJob.Request("42", -1, missing, Theme.LIGHT, 1, 800, 600, false, null, false));
                return "rendered";
            } catch (java.io.IOException e) {
                return e.getMessage();
            }
        })).startsWith("no lesson 42 (lessons: 9, 10, 11");
    }
}
