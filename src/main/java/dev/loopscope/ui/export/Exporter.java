package dev.loopscope.ui.export;

import dev.loopscope.ui.player.PlayerModel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Pictures of the timeline for slides: a PNG at any scale (a snapshot through a scale transform, so text stays
 * sharp), and the whole animation as a looping GIF or a numbered PNG sequence. Runs on the FX thread.
 */
public final class Exporter {

    private Exporter() {
    }

    /** A snapshot of {@code node} at {@code scale} (2 gives twice the pixels). */
    public static BufferedImage image(Node node, double scale) {
        if (node instanceof Parent p) {
            p.applyCss();
            p.layout();
        }
        SnapshotParameters params = new SnapshotParameters();
        params.setTransform(Transform.scale(scale, scale));
        params.setFill(Color.WHITE);
        WritableImage img = node.snapshot(params, null);
        return SwingFXUtils.fromFXImage(img, null);
    }

    public static void png(Node node, double scale, Path out) throws IOException {
        write(image(node, scale), out);
    }

    static void write(BufferedImage image, Path out) throws IOException {
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        if (!ImageIO.write(image, "png", out.toFile())) {
            throw new IOException("no PNG writer");
        }
    }

    /** The animation as {@code frames} pictures from the start to the end of the run, evenly in virtual time. */
    public static List<BufferedImage> frames(PlayerModel player, Node node, int frames, double scale) {
        List<BufferedImage> out = new ArrayList<>();
        long end = player.endTime();
        for (int i = 0; i < frames; i++) {
            player.seekTime(frames == 1 ? end : end * i / (frames - 1));
            out.add(image(node, scale));
        }
        return out;
    }

    /** Writes frames as {@code prefix-0001.png}, … into {@code dir}; returns the files. */
    public static List<Path> pngSequence(List<BufferedImage> frames, Path dir, String prefix) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            Path f = dir.resolve(String.format(Locale.ROOT, "%s-%04d.png", prefix, i + 1));
            write(frames.get(i), f);
            files.add(f);
        }
        return files;
    }

    /** Writes an animated GIF that loops forever, {@code delayMs} per frame. */
    public static void gif(List<BufferedImage> frames, int delayMs, Path out) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
        if (!writers.hasNext() || frames.isEmpty()) {
            throw new IOException("no GIF writer or no frames");
        }
        ImageWriter writer = writers.next();
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.deleteIfExists(out);
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out.toFile())) {
            writer.setOutput(stream);
            writer.prepareWriteSequence(null);
            for (BufferedImage frame : frames) {
                BufferedImage rgb = new BufferedImage(frame.getWidth(), frame.getHeight(), BufferedImage.TYPE_INT_RGB);
                rgb.getGraphics().drawImage(frame, 0, 0, null);
                ImageWriteParam param = writer.getDefaultWriteParam();
                IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(rgb), param);
                String format = meta.getNativeMetadataFormatName();
                IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
                IIOMetadataNode gce = child(root, "GraphicControlExtension");
                gce.setAttribute("disposalMethod", "none");
                gce.setAttribute("userInputFlag", "FALSE");
                gce.setAttribute("transparentColorFlag", "FALSE");
                gce.setAttribute("delayTime", Integer.toString(Math.max(1, delayMs / 10)));
                gce.setAttribute("transparentColorIndex", "0");
                IIOMetadataNode apps = child(root, "ApplicationExtensions");
                IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
                app.setAttribute("applicationID", "NETSCAPE");
                app.setAttribute("authenticationCode", "2.0");
                app.setUserObject(new byte[] {1, 0, 0}); // loop count 0: forever
                apps.appendChild(app);
                meta.setFromTree(format, root);
                writer.writeToSequence(new IIOImage(rgb, null, meta), param);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }
}
