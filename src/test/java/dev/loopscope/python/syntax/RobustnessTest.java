package dev.loopscope.python.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** No input makes the parser throw, hang or overflow the stack: it returns a module or positioned problems. */
class RobustnessTest {

    private static final Duration LIMIT = Duration.ofSeconds(2);

    static final List<String> SEEDS = List.of("""
            import asyncio, random
            async def job(i):
                await asyncio.sleep(random.random())
                if i==2: raise ValueError('boom')
                return i

            async def main():
                tasks=[asyncio.create_task(job(i)) for i in range(4)]
                try:
                    results = await asyncio.gather(*tasks)
                except Exception as e:
                    print('caught', e)
            asyncio.run(main())
            """, """
            class Counter(Base):
                total: int = 0
                def bump(self, by=None, *, step=1, **kw):
                    self.value += by if by is not None else step
                    return [x ** 2 for x in range(3) if x], {k: v for k, v in kw.items()}
            def gen(n):
                while (i := n) > 0:
                    yield from (i, -i)
                else:
                    return f"{n!r:>{width}} {n=} {'nested' + "quotes"}"
            with open(f) as g, (a as b):
                del g[1:2, ::3], b.c
                lambda *a, **k: (a, k)
            """, """
            def f(a, /, b=1, *args, c, **kw):
                global x; nonlocal y
                try:
                    assert a, "msg"
                except (A, B) as e:
                    raise C from e
                finally:
                    pass
                s = '''multi
                line''' r'\\d' b'\\x00' 0x_ff 1_000.5e-3j
                return not a or b and c < d <= e is not f in g
            """);

    private static void parsesSafely(String source) {
        AtomicReference<ParseResult> result = new AtomicReference<>();
        assertTimeoutPreemptively(LIMIT, () -> result.set(PythonParser.parseAndCheck("fuzz.py", source)));
        ParseResult r = result.get();
        assertThat(r).isNotNull();
        if (r instanceof ParseResult.Failed failed) {
            for (SyntaxProblem p : failed.problems()) {
                assertThat(p.message()).isNotBlank();
                assertThat(p.line()).isGreaterThanOrEqualTo(1);
                assertThat(p.format()).isNotBlank();
            }
        }
    }

    @Property(tries = 300)
    void tokenSoupsNeverThrow(@ForAll("soups") String source) {
        parsesSafely(source);
    }

    @Property(tries = 300)
    void mutatedProgramsNeverThrow(@ForAll("mutants") String source) {
        parsesSafely(source);
    }

    @Property(tries = 200)
    void arbitraryTextNeverThrows(@ForAll @StringLength(max = 200) String source) {
        parsesSafely(source);
    }

    @Provide
    Arbitrary<String> soups() {
        Arbitrary<String> token = Arbitraries.of("def", "async", "await", "class", "if", "elif", "else", "for", "in",
                "while", "try", "except", "finally", "with", "as", "return", "yield", "from", "import", "lambda",
                "not", "and", "or", "is", "None", "True", "x", "y", "f", "match", "case", "type", "_", "0", "1.5",
                "0x1f", "1j", "0777", "1_", "'s'", "\"t\"", "'''", "f'{x}'", "f\"{", "rb'\\x'", "(", ")", "[", "]", "{",
                "}", ":", ";", ",", ".", "...", "=", "==", ":=", "+", "-", "*", "**", "/", "//", "@", "->", "!", "$",
                "\\", "#", "\n", "\n    ", "\n\t", "\n  ", " ", "\u00e9", "\u20ac", "\u00a0", "\r\n", "\0");
        return token.list().ofMaxSize(60).map(ts -> String.join(" ", ts));
    }

    @Provide
    Arbitrary<String> mutants() {
        Arbitrary<String> seed = Arbitraries.of(SEEDS);
        Arbitrary<List<int[]>> edits = Combinators.combine(Arbitraries.integers().between(0, 6),
                        Arbitraries.integers().between(0, 10_000), Arbitraries.integers().between(0, 10_000))
                .as((kind, a, b) -> new int[] {kind, a, b}).list().ofMinSize(1).ofMaxSize(4);
        Arbitrary<String> inserts = Arbitraries.of("(", ")", "[", "]", "{", "}", ":", "=", "'", "\"", "\n", "    ",
                "\t", "\\", "#", "f'", "'''", "lambda", "await", ",", "*", "**", "yield", "if", "else", "{x}");
        return Combinators.combine(seed, edits, inserts).as(RobustnessTest::mutate);
    }

    static String mutate(String source, List<int[]> edits, String insert) {
        String s = source;
        for (int[] e : edits) {
            if (s.isEmpty()) {
                return insert;
            }
            int i = e[1] % s.length();
            int j = e[2] % s.length();
            List<String> lines = new ArrayList<>(List.of(s.split("\n", -1)));
            int li = e[1] % lines.size();
            int lj = e[2] % lines.size();
            s = switch (e[0]) {
                case 0 -> s.substring(0, i) + s.substring(i + 1);
                case 1 -> s.substring(0, i) + insert + s.substring(i);
                case 2 -> i + 1 < s.length() ? s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2) : s;
                case 3 -> {
                    lines.remove(li);
                    yield String.join("\n", lines);
                }
                case 4 -> {
                    lines.add(li, lines.get(lj));
                    yield String.join("\n", lines);
                }
                case 5 -> {
                    String tmp = lines.get(li);
                    lines.set(li, lines.get(lj));
                    lines.set(lj, tmp);
                    yield String.join("\n", lines);
                }
                default -> s.substring(0, Math.min(i, j)) + s.substring(Math.max(i, j));
            };
        }
        return s;
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 199, 200, 201, 1000, 100_000})
    void deepBracketsAreRefusedNotOverflowing(int depth) {
        parsesSafely("x = " + "(".repeat(depth) + "1" + ")".repeat(depth) + "\n");
        parsesSafely("x = " + "[".repeat(depth) + "]".repeat(depth) + "\n");
        parsesSafely("f" + "(".repeat(depth) + "\n");
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 500, 1000, 5000, 100_000})
    void deepOperatorChainsAreRefusedNotOverflowing(int depth) {
        parsesSafely("x = " + "-".repeat(depth) + "1\n");
        parsesSafely("x = " + "not ".repeat(depth) + "a\n");
        parsesSafely("x = a" + " ** a".repeat(depth) + "\n");
        parsesSafely("x = a" + " + a".repeat(depth) + "\n");
        parsesSafely("x = a" + ".b".repeat(depth) + "\n");
        parsesSafely("x = a" + "[0]".repeat(depth) + "\n");
        parsesSafely("x = a" + "()".repeat(depth) + "\n");
        parsesSafely("x = " + "lambda: ".repeat(depth) + "1\n");
        parsesSafely("x = " + "a if b else ".repeat(depth) + "c\n");
        parsesSafely("x = " + "await ".repeat(depth) + "a\n");
        parsesSafely("x = f\"{" .repeat(Math.min(depth, 50)) + "\n");
    }

    @Test
    void deepIndentationIsRefused() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            s.append(" ".repeat(i)).append("if x:\n");
        }
        s.append(" ".repeat(150)).append("pass\n");
        ParseResult r = PythonParser.parse("deep.py", s.toString());
        assertThat(r.problems()).extracting(SyntaxProblem::message).containsExactly("too many levels of indentation");
    }

    @Test
    void deepInputIsSafeOnASmallStack() throws InterruptedException {
        List<String> inputs = List.of("x = " + "(".repeat(200) + ")".repeat(200) + "\n",
                "x = " + "-".repeat(5000) + "1\n", "x = a" + " + a".repeat(5000) + "\n",
                "x = " + "lambda: ".repeat(5000) + "1\n", "x = " + "[".repeat(150) + "]".repeat(150) + "\n");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                for (String input : inputs) {
                    ParseResult r = PythonParser.parse("deep.py", input);
                    assertThat(r).isNotNull();
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "small-stack", 512 * 1024);
        t.start();
        t.join();
        assertThat(failure.get()).isNull();
    }

    @Test
    void deepNestingGetsAPositionedMessage() {
        ParseResult r = PythonParser.parse("deep.py", "x = " + "-".repeat(5000) + "1\n");
        assertThat(r.problems()).hasSize(1);
        SyntaxProblem p = r.problems().get(0);
        assertThat(p.message()).startsWith("too many nested expressions");
        assertThat(p.line()).isEqualTo(1);
    }
}
