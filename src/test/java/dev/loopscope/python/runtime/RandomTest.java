package dev.loopscope.python.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The random module draws exactly what CPython 3.12 draws for the same seeds (tools/gen_random_cases.py). */
class RandomTest {

    @Test
    void everySeedGivesCPythonsSequence() throws IOException {
        JsonNode all = new ObjectMapper().readTree(
                Path.of("src/test/resources/dev/loopscope/python/runtime/random-cases.json").toFile());
        for (JsonNode c : all) {
            String seedText = c.get("seed").asText();
            Object seed = switch (c.get("seedType").asText()) {
                case "int" -> Py.normalize(new BigInteger(seedText));
                case "float" -> Double.parseDouble(seedText);
                default -> seedText;
            };
            String program = "import random\nrandom.seed(" + Ops.repr(seed) + ")\n" + """
                    out = {
                        "random": [random.random() for _ in range(5)],
                        "getrandbits": [str(random.getrandbits(k)) for k in (1, 7, 32, 33, 64, 100)],
                        "randint": [random.randint(1, 6) for _ in range(10)],
                        "randrange": [random.randrange(-50, 50, 3) for _ in range(5)],
                        "big": str(random.randrange(10 ** 40)),
                        "choice": [random.choice("abcdefghij") for _ in range(5)],
                        "shuffle": (lambda l: (random.shuffle(l), l)[1])(list(range(12))),
                        "sample": random.sample(range(1000), 8),
                        "uniform": random.uniform(-2.5, 7.5),
                        "gauss": [random.gauss(10, 2) for _ in range(3)],
                        "choices": random.choices("xyz", weights=[5, 1, 2], k=6),
                    }
                    """;
            Harness h = new Harness(program);
            PyDict out = (PyDict) h.get("out");
            JsonNode expected = c.get("values");
            for (var it = expected.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                assertThat(toJson(out.get(key))).as(seedText + " " + key).isEqualTo(expected.get(key).toString());
            }
        }
    }

    private static String toJson(Object v) {
        if (v instanceof PyList l) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < l.size; i++) {
                parts.add(toJson(l.items[i]));
            }
            return "[" + String.join(",", parts) + "]";
        }
        if (v instanceof String s) {
            return "\"" + s + "\"";
        }
        if (v instanceof Double d) {
            return new ObjectMapper().valueToTree(d).toString();
        }
        return Ops.repr(v);
    }
}
