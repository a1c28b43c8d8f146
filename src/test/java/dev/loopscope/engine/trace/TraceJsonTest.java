package dev.loopscope.engine.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopscope.engine.JavaProgram;
import dev.loopscope.engine.Script;
import dev.loopscope.engine.Settings;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceJsonTest {

    @Test
    void writesTablesThenEveryEventThenTheResult() throws Exception {
        Script child = Script.define("child", s -> s.sleep(0.5).print("hi"));
        Script main = Script.define("main", s -> s.createTask("t", v -> child.call()).awaitVar("t", null));
        Trace trace = JavaProgram.run(Settings.defaults(), main);
        StringWriter out = new StringWriter();
        TraceJson.write(trace, out);
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = out.toString().lines().map(l -> {
            try {
                return json.readTree(l);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + l, e);
            }
        }).toList();
        assertThat(lines.stream().filter(n -> n.path("table").asText().equals("task")).map(n -> n.get("name").asText()))
                .containsExactly("Task-1", "Task-2", "Task-3", "Task-4");
        List<JsonNode> events = lines.stream().filter(n -> n.has("event")).toList();
        assertThat(events).hasSize(trace.size());
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).get("seq").asInt()).isEqualTo(i);
        }
        JsonNode timer = events.stream().filter(n -> n.get("event").asText().equals("HandleScheduled")
                && n.get("kind").asText().equals("SLEEP_TIMER")).findFirst().orElseThrow();
        assertThat(timer.get("when").asLong()).isEqualTo(timer.get("time").asLong() + 500_000_000L);
        JsonNode result = lines.getLast();
        assertThat(result.get("table").asText()).isEqualTo("result");
        assertThat(result.get("stdout").asText()).isEqualTo("hi\n");
        assertThat(result.get("exitCode").asInt()).isZero();
    }
}
