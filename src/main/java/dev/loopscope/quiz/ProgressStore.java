package dev.loopscope.quiz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Keeps quiz progress in {@code progress.json} under the user's configuration directory.
 *
 * <p>Saving never leaves a half-written file behind: the JSON goes to a temporary file in the same directory,
 * is forced to disk, and then atomically replaces the old file, so a crash at any moment leaves either the old
 * or the new progress. A file that cannot be read as our format is moved aside, never overwritten, so nothing
 * the user had is destroyed.
 */
public final class ProgressStore {

    public static final String FILE_NAME = "progress.json";
    static final String FORMAT = "loopscope-progress";
    static final int VERSION = 1;
    /** Progress files hold a few hundred entries; anything this big is not ours. */
    private static final int MAX_BYTES = 8 * 1024 * 1024;
    /** Temporary files this old were left by a save that died; younger ones may belong to a save in progress. */
    private static final Duration STALE_TEMP = Duration.ofMinutes(10);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path directory;
    private final Mover mover;
    private final Clock clock;
    /** Content after the document means the file is damaged (two writes run together), not that it is ours. */
    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Replaces the progress file with the written temporary file; a seam for tests that make it fail. */
    @FunctionalInterface
    interface Mover {
        void move(Path written, Path target) throws IOException;
    }

    /** What loading found: the progress, and a message for the user when the file had to be set aside. */
    public record Loaded(Progress progress, Optional<String> notice) {
        public Loaded {
            Objects.requireNonNull(progress, "progress");
            Objects.requireNonNull(notice, "notice");
        }
    }

    public ProgressStore(Path directory) {
        this(directory, (written, target) -> Files.move(written, target, StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING), Clock.systemUTC());
    }

    ProgressStore(Path directory, Mover mover, Clock clock) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.mover = Objects.requireNonNull(mover, "mover");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The store in this user's conventional configuration directory. */
    public static ProgressStore forCurrentUser() {
        return new ProgressStore(defaultDirectory());
    }

    public static Path defaultDirectory() {
        return defaultDirectory(System.getProperty("os.name", ""), System.getenv(), System.getProperty("user.home", "."));
    }

    /**
     * {@code %APPDATA%\Loopscope} on Windows, {@code ~/Library/Application Support/Loopscope} on macOS, and
     * {@code $XDG_CONFIG_HOME/loopscope} (default {@code ~/.config/loopscope}) elsewhere.
     */
    static Path defaultDirectory(String osName, Map<String, String> env, String userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        Path home = Path.of(userHome);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path base = appData != null && !appData.isBlank() ? Path.of(appData) : home.resolve("AppData").resolve("Roaming");
            return base.resolve("Loopscope");
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return home.resolve("Library").resolve("Application Support").resolve("Loopscope");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        // The XDG spec says a relative path is invalid and must be ignored.
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".config");
        return base.resolve("loopscope");
    }

    public Path directory() {
        return directory;
    }

    public Path file() {
        return directory.resolve(FILE_NAME);
    }

    /** Reads the progress; never throws. A file that is not valid progress is moved aside and progress starts fresh. */
    public Loaded load() {
        removeStaleTemporaryFiles();
        Path file = file();
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            return new Loaded(Progress.empty(), Optional.empty());
        } catch (IOException e) {
            return new Loaded(Progress.empty(), Optional.of("Your quiz progress could not be read (" + e.getMessage()
                    + "); this session starts without it."));
        }
        try {
            return new Loaded(parse(bytes), Optional.empty());
        } catch (Unreadable e) {
            return new Loaded(Progress.empty(), Optional.of(setAside(file, e.getMessage())));
        }
    }

    private static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message);
        }
    }

    private Progress parse(byte[] bytes) throws Unreadable {
        if (bytes.length > MAX_BYTES) {
            throw new Unreadable("it is too large");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Unreadable("it is not UTF-8 text");
        }
        // An editor such as Notepad adds a byte order mark when the user saves the file by hand.
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new Unreadable("it is not valid JSON");
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText(null))) {
            throw new Unreadable("it is not a Loopscope progress file");
        }
        if (!root.path("version").isInt() || root.path("version").intValue() != VERSION) {
            throw new Unreadable("it has format version " + root.path("version") + ", and this Loopscope reads version "
                    + VERSION);
        }
        JsonNode answers = root.path("answers");
        if (!answers.isObject()) {
            throw new Unreadable("it has no answers");
        }
        TreeMap<String, Progress.Entry> entries = new TreeMap<>();
        for (Map.Entry<String, JsonNode> field : answers.properties()) {
            JsonNode entry = field.getValue();
            if (!entry.path("answer").isTextual() || !entry.path("correct").isBoolean()
                    || (entry.has("correctAnswer") && !entry.path("correctAnswer").isTextual())) {
                throw new Unreadable("its entry '" + field.getKey() + "' is malformed");
            }
            entries.put(field.getKey(), new Progress.Entry(entry.path("answer").textValue(),
                    entry.path("correct").booleanValue(), Optional.ofNullable(entry.path("correctAnswer").textValue())));
        }
        return new Progress(entries);
    }

    private String setAside(Path file, String reason) {
        String stamp = STAMP.format(clock.instant());
        Path aside = file.resolveSibling(FILE_NAME + ".corrupt-" + stamp);
        for (int n = 2; Files.exists(aside); n++) {
            aside = file.resolveSibling(FILE_NAME + ".corrupt-" + stamp + "-" + n);
        }
        try {
            Files.move(file, aside);
            return "Your quiz progress file could not be read because " + reason + ". It was moved to " + aside
                    + " and your progress starts fresh.";
        } catch (IOException e) {
            return "Your quiz progress file " + file + " could not be read because " + reason
                    + ", and could not be moved aside (" + e.getMessage() + "). Progress starts fresh.";
        }
    }

    /**
     * Writes the progress atomically: temporary file in the same directory, forced to disk, then moved over the
     * old file in one step.
     */
    public void save(Progress progress) throws IOException {
        Files.createDirectories(directory);
        byte[] json = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(toJson(progress));
        Path temp = Files.createTempFile(directory, FILE_NAME + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(json);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            mover.move(temp, file());
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        syncDirectory();
    }

    private ObjectNode toJson(Progress progress) {
        ObjectNode root = mapper.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        ObjectNode answers = root.putObject("answers");
        progress.answers().forEach((key, entry) -> {
            ObjectNode node = answers.putObject(key);
            node.put("answer", entry.answer());
            node.put("correct", entry.correct());
            entry.correctAnswer().ifPresent(correct -> node.put("correctAnswer", correct));
        });
        return root;
    }

    /** Makes the rename itself durable where the platform allows opening a directory (Linux, macOS). */
    private void syncDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open directories; its rename is already as durable as it gets there.
        }
    }

    private void removeStaleTemporaryFiles() {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(directory, FILE_NAME + ".*.tmp")) {
            for (Path temp : temps) {
                if (Files.getLastModifiedTime(temp).toInstant().isBefore(clock.instant().minus(STALE_TEMP))) {
                    Files.deleteIfExists(temp);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Leftover temporary files are harmless; failing to tidy them up must not stop loading.
        }
    }
}
