package dev.loopscope.python.syntax;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Renders a parse outcome in the notation of tools/pyast_dump.py, and reads the committed expectations. */
final class Outcomes {

    private Outcomes() {
    }

    /** One case of a cases/*.jsonl file: its source and what CPython 3.12 made of it. */
    record Case(String file, String name, String source, String expect) {
        @Override
        public String toString() {
            return file + ": " + name;
        }
    }

    static String outcome(String source) {
        ParseResult result = PythonParser.parse("<unknown>", source);
        return switch (result) {
            case ParseResult.Parsed parsed -> "OK " + TreeDump.dump(parsed.module());
            case ParseResult.Failed failed -> {
                SyntaxProblem e = failed.problems().get(0);
                yield "ERR " + e.kind().label + " " + e.line() + " " + e.column() + " " + e.endLine() + " "
                        + e.endColumn() + " " + e.message();
            }
        };
    }

    static List<Case> load(String file) {
        String resource = "/dev/loopscope/python/syntax/cases/" + file;
        ObjectMapper mapper = new ObjectMapper();
        List<Case> cases = new ArrayList<>();
        try (InputStream in = Outcomes.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = mapper.readTree(line);
                cases.add(new Case(file, node.get("name").asText(), node.get("source").asText(),
                        node.get("expect").asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }
}
