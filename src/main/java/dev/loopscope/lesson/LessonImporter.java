package dev.loopscope.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports lesson files into a {@link Course}. It never throws: unreadable files, bad encodings and malformed
 * lessons all become {@link Problem}s, every one of them at once, and whatever is sound still loads.
 */
public final class LessonImporter {

    /** Lesson files are a few kilobytes; anything near this is a mistake, and is refused before it is read. */
    public static final long DEFAULT_MAX_BYTES = 5L * 1024 * 1024;

    private final long maxBytes;

    public LessonImporter() {
        this(DEFAULT_MAX_BYTES);
    }

    public LessonImporter(long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.maxBytes = maxBytes;
    }

    public Course importFile(Path file) {
        return importFiles(List.of(file));
    }

    /** Imports the files as one course, in the given order; a lesson number used twice is a problem. */
    public Course importFiles(List<Path> files) {
        List<FileResult> results = new ArrayList<>();
        for (Path file : files) {
            results.add(readFile(file));
        }
        return assemble(results);
    }

    /** Imports every {@code *.md} file directly in the directory, ordered by file name. */
    public Course importDirectory(Path directory) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*.md")) {
            stream.forEach(files::add);
        } catch (IOException | RuntimeException e) {
            return new Course(List.of(), List.of(new Problem(directory, 1, "cannot read directory: " + reason(e))));
        }
        files.sort(Comparator.comparing(p -> p.getFileName().toString()));
        if (files.isEmpty()) {
            return new Course(List.of(), List.of(new Problem(directory, 1, "no lesson files (*.md) in directory")));
        }
        return importFiles(files);
    }

    /** Imports content as if it had been read from {@code file}, which only names it in problems. */
    public Course importBytes(Path file, byte[] content) {
        return assemble(List.of(readBytes(file, content)));
    }

    /** Imports text that is already decoded, as if it had been read from {@code file}. */
    public Course importText(Path file, String text) {
        return assemble(List.of(readText(file, text)));
    }

    private record FileResult(Path file, List<Lesson> lessons, List<Problem> problems) {}

    private FileResult readFile(Path file) {
        try {
            if (Files.isDirectory(file)) {
                return failed(file, "is a directory, not a lesson file");
            }
            long size = Files.size(file);
            if (size > maxBytes) {
                return failed(file, tooLarge(size));
            }
            byte[] content;
            try (InputStream in = Files.newInputStream(file)) {
                // The file may have grown since its size was taken: never read past the limit.
                content = in.readNBytes((int) maxBytes + 1);
            }
            if (content.length > maxBytes) {
                return failed(file, tooLarge(content.length));
            }
            return readBytes(file, content);
        } catch (IOException | RuntimeException e) {
            return failed(file, "cannot read file: " + reason(e));
        }
    }

    private String tooLarge(long size) {
        return "file is " + size + " bytes, more than the " + maxBytes + " bytes a lesson file may have";
    }

    /** More lines with bad bytes than this are summed up in one problem: the file is then in another encoding. */
    static final int MAX_ENCODING_PROBLEMS = 10;

    /**
     * Decodes UTF-8. Each line with bytes that are not UTF-8 is a problem; those bytes read as U+FFFD so the rest
     * of the file is still checked and its lessons still load.
     */
    private FileResult readBytes(Path file, byte[] content) {
        if (content.length > maxBytes) {
            return failed(file, tooLarge(content.length));
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(content.length + 1);
        List<Problem> problems = new ArrayList<>();
        int line = 1;
        int counted = 0;
        int lastBadLine = 0;
        int badLines = 0;
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (!result.isError()) {
                result = decoder.flush(out);
            }
            if (!result.isError()) {
                break;
            }
            int at = in.position();
            for (; counted < at; counted++) {
                if (content[counted] == '\n') {
                    line++;
                }
            }
            if (line != lastBadLine) {
                lastBadLine = line;
                badLines++;
                if (badLines <= MAX_ENCODING_PROBLEMS) {
                    problems.add(new Problem(file, line, String.format(
                            "file is not valid UTF-8 (byte 0x%02X); save it as UTF-8", content[at] & 0xFF)));
                }
            }
            out.put('\uFFFD');
            in.position(at + result.length());
        }
        if (badLines > MAX_ENCODING_PROBLEMS) {
            problems.add(new Problem(file, lastBadLine, (badLines - MAX_ENCODING_PROBLEMS)
                    + " more lines have bytes that are not UTF-8; the file is probably in another encoding"));
        }
        out.flip();
        FileResult read = readText(file, out.toString());
        if (problems.isEmpty()) {
            return read;
        }
        problems.addAll(read.problems());
        return new FileResult(file, read.lessons(), problems);
    }

    private FileResult readText(Path file, String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            return failed(file, "file is empty");
        }
        try {
            LessonReader.Result result = LessonReader.read(file, text);
            return new FileResult(file, result.lessons(), result.problems());
        } catch (RuntimeException | StackOverflowError e) {
            // A bug here must not take the app down with it; the message makes it visible and testable.
            return failed(file, "internal error while reading the lessons: " + e);
        }
    }

    private static FileResult failed(Path file, String message) {
        return failed(file, 1, message);
    }

    private static FileResult failed(Path file, int line, String message) {
        return new FileResult(file, List.of(), List.of(new Problem(file, line, message)));
    }

    private static String reason(Exception e) {
        return switch (e) {
            case NoSuchFileException n -> "no such file";
            case AccessDeniedException a -> "permission denied";
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }

    /** Joins files into a course: drops repeated lesson numbers, and orders each file's problems by line. */
    private static Course assemble(List<FileResult> results) {
        Map<String, Lesson> seen = new HashMap<>();
        List<Lesson> lessons = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (FileResult result : results) {
            List<Problem> fileProblems = new ArrayList<>(result.problems());
            for (Lesson lesson : result.lessons()) {
                Lesson first = seen.putIfAbsent(lesson.number(), lesson);
                if (first == null) {
                    lessons.add(lesson);
                } else {
                    String where = first.source().equals(lesson.source())
                            ? "line " + first.line()
                            : first.source().getFileName() + ":" + first.line();
                    fileProblems.add(new Problem(lesson.source(), lesson.line(),
                            "duplicate lesson number " + lesson.number() + " (first at " + where + ")"));
                }
            }
            fileProblems.sort(Comparator.comparingInt(Problem::line));
            problems.addAll(fileProblems);
        }
        return new Course(lessons, problems);
    }
}
