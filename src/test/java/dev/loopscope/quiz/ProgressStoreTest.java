package dev.loopscope.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProgressStoreTest {

    private static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static Progress sample() {
        return Progress.empty()
                .with("9/1/0a1b2c3d", new Progress.Entry("b", true))
                .with("10/2/ffee0011", new Progress.Entry("false", false));
    }

    private ProgressStore store() {
        return new ProgressStore(dir, (from, to) -> Files.move(from, to,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING), CLOCK);
    }

    private List<String> files() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void roundTrip() throws IOException {
        store().save(sample());
        ProgressStore.Loaded loaded = store().load();
        assertThat(loaded.notice()).isEmpty();
        assertThat(loaded.progress()).isEqualTo(sample());
        assertThat(files()).containsExactly("progress.json");
    }

    @Test
    void aPredictEntryKeepsItsCorrectAnswer() throws IOException {
        Progress progress = sample().with("10/6/12ab34cd", new Progress.Entry("a", false, Optional.of("c")));
        store().save(progress);
        assertThat(store().load().progress()).isEqualTo(progress);
        JsonNode root = new ObjectMapper().readTree(dir.resolve("progress.json").toFile());
        assertThat(root.path("answers").path("10/2/ffee0011").has("correctAnswer")).isFalse();
        assertThat(root.path("answers").path("10/6/12ab34cd").path("correctAnswer").asText()).isEqualTo("c");
    }

    @Test
    void fileIsVersionedJson() throws IOException {
        store().save(sample());
        JsonNode root = new ObjectMapper().readTree(dir.resolve("progress.json").toFile());
        assertThat(root.path("format").asText()).isEqualTo("loopscope-progress");
        assertThat(root.path("version").asInt()).isEqualTo(1);
        assertThat(root.path("answers").path("9/1/0a1b2c3d").path("answer").asText()).isEqualTo("b");
        assertThat(root.path("answers").path("10/2/ffee0011").path("correct").asBoolean(true)).isFalse();
    }

    @Test
    void aByteOrderMarkFromAnEditorIsIgnored() throws IOException {
        store().save(sample());
        Path file = dir.resolve("progress.json");
        Files.writeString(file, "\uFEFF" + Files.readString(file));
        assertThat(store().load()).isEqualTo(new ProgressStore.Loaded(sample(), Optional.empty()));
        assertThat(files()).containsExactly("progress.json");
    }

    @Test
    void missingFileIsAFreshStartWithoutNotice() {
        ProgressStore.Loaded loaded = new ProgressStore(dir.resolve("not-yet")).load();
        assertThat(loaded.progress()).isEqualTo(Progress.empty());
        assertThat(loaded.notice()).isEmpty();
    }

    @Test
    void saveCreatesTheDirectory() throws IOException {
        ProgressStore nested = new ProgressStore(dir.resolve("a/b/loopscope"));
        nested.save(sample());
        assertThat(nested.load().progress()).isEqualTo(sample());
    }

    static Stream<Arguments> unreadableFiles() {
        return Stream.of(
                Arguments.of("bad JSON", "{\"format\": ".getBytes(), "it is not valid JSON"),
                Arguments.of("not UTF-8", new byte[] {'{', (byte) 0xFF, (byte) 0xFE, '}'}, "it is not UTF-8 text"),
                Arguments.of("foreign JSON", "{\"theme\": \"dark\"}".getBytes(), "it is not a Loopscope progress file"),
                Arguments.of("JSON array", "[1, 2]".getBytes(), "it is not a Loopscope progress file"),
                Arguments.of("future version", "{\"format\":\"loopscope-progress\",\"version\":2,\"answers\":{}}".getBytes(),
                        "it has format version 2, and this Loopscope reads version 1"),
                Arguments.of("malformed entry",
                        "{\"format\":\"loopscope-progress\",\"version\":1,\"answers\":{\"9/1/x\":{\"answer\":3}}}".getBytes(),
                        "its entry '9/1/x' is malformed"),
                Arguments.of("empty file", new byte[0], "it is not a Loopscope progress file"),
                Arguments.of("two documents run together",
                        "{\"format\":\"loopscope-progress\",\"version\":1,\"answers\":{}}{\"format\":".getBytes(),
                        "it is not valid JSON"),
                Arguments.of("malformed correct answer",
                        ("{\"format\":\"loopscope-progress\",\"version\":1,\"answers\":{\"9/1/x\":{\"answer\":\"a\","
                                + "\"correct\":false,\"correctAnswer\":2}}}").getBytes(),
                        "its entry '9/1/x' is malformed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableFiles")
    void unreadableFileIsMovedAsideWithANotice(String name, byte[] content, String reason) throws IOException {
        Path file = Files.write(dir.resolve("progress.json"), content);
        ProgressStore.Loaded loaded = store().load();
        Path aside = dir.resolve("progress.json.corrupt-20260304-050607");
        assertThat(loaded.progress()).isEqualTo(Progress.empty());
        assertThat(loaded.notice()).contains("Your quiz progress file could not be read because " + reason
                + ". It was moved to " + aside + " and your progress starts fresh.");
        assertThat(file).doesNotExist();
        assertThat(aside).hasBinaryContent(content);
        store().save(sample());
        assertThat(store().load()).isEqualTo(new ProgressStore.Loaded(sample(), Optional.empty()));
    }

    @Test
    void aSecondCorruptFileDoesNotOverwriteTheFirst() throws IOException {
        Files.writeString(dir.resolve("progress.json"), "one");
        store().load();
        Files.writeString(dir.resolve("progress.json"), "two");
        assertThat(store().load().notice()).hasValueSatisfying(n -> assertThat(n).contains("corrupt-20260304-050607-2"));
        assertThat(dir.resolve("progress.json.corrupt-20260304-050607")).hasContent("one");
        assertThat(dir.resolve("progress.json.corrupt-20260304-050607-2")).hasContent("two");
    }

    @Test
    void failureBetweenTemporaryWriteAndMoveKeepsTheOldFile() throws IOException {
        store().save(sample());
        byte[] before = Files.readAllBytes(dir.resolve("progress.json"));
        Path[] written = new Path[1];
        ProgressStore failing = new ProgressStore(dir, (from, to) -> {
            written[0] = from;
            // The temporary file is complete and on disk when the move is attempted.
            assertThat(new ObjectMapper().readTree(from.toFile()).path("answers").size()).isEqualTo(3);
            throw new IOException("power cut");
        }, CLOCK);
        Progress next = sample().with("11/1/12345678", new Progress.Entry("a", true));
        assertThatThrownBy(() -> failing.save(next)).isInstanceOf(IOException.class).hasMessage("power cut");
        assertThat(written[0]).isNotNull().doesNotExist();
        assertThat(dir.resolve("progress.json")).hasBinaryContent(before);
        assertThat(files()).containsExactly("progress.json");
        assertThat(store().load().progress()).isEqualTo(sample());
    }

    @Test
    void staleTemporaryFilesFromADeadSaveAreRemoved() throws IOException {
        Path stale = Files.writeString(dir.resolve("progress.json.123.tmp"), "{\"half\":");
        Files.setLastModifiedTime(stale, FileTime.from(NOW.minus(Duration.ofHours(1))));
        Path fresh = Files.writeString(dir.resolve("progress.json.456.tmp"), "{\"in progress\":");
        Files.setLastModifiedTime(fresh, FileTime.from(NOW));
        store().load();
        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
    }

    @Test
    void conventionalDirectoriesPerPlatform() {
        Map<String, String> none = Map.of();
        assertThat(ProgressStore.defaultDirectory("Linux", Map.of("XDG_CONFIG_HOME", "/xdg"), "/home/ada"))
                .isEqualTo(Path.of("/xdg/loopscope"));
        assertThat(ProgressStore.defaultDirectory("Linux", none, "/home/ada"))
                .isEqualTo(Path.of("/home/ada/.config/loopscope"));
        assertThat(ProgressStore.defaultDirectory("Linux", Map.of("XDG_CONFIG_HOME", "relative"), "/home/ada"))
                .isEqualTo(Path.of("/home/ada/.config/loopscope"));
        assertThat(ProgressStore.defaultDirectory("Mac OS X", none, "/Users/ada"))
                .isEqualTo(Path.of("/Users/ada/Library/Application Support/Loopscope"));
        assertThat(ProgressStore.defaultDirectory("Windows 11", Map.of("APPDATA", "/roaming"), "/users/ada"))
                .isEqualTo(Path.of("/roaming/Loopscope"));
        assertThat(ProgressStore.defaultDirectory("Windows 11", none, "/users/ada"))
                .isEqualTo(Path.of("/users/ada/AppData/Roaming/Loopscope"));
        assertThat(ProgressStore.defaultDirectory()).isAbsolute()
                .satisfies(p -> assertThat(p.getFileName().toString()).isEqualToIgnoringCase("loopscope"));
    }

    @Test
    void progressIsImmutable() {
        Progress progress = sample();
        assertThatThrownBy(() -> progress.answers().put("x", new Progress.Entry("a", true)))
                .isInstanceOf(UnsupportedOperationException.class);
        TreeMap<String, Progress.Entry> source = new TreeMap<>();
        Progress copy = new Progress(source);
        source.put("x", new Progress.Entry("a", true));
        assertThat(copy.answers()).isEmpty();
        assertThat(progress.withoutLesson("9").answers()).containsOnlyKeys("10/2/ffee0011");
        assertThat(progress.withoutLesson("1").answers()).hasSize(2);
    }
}
