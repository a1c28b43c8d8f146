package dev.loopscope.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Builtins that consume generators and Python iterators or call Python functions run that code on the calling
 * thread: it may block (every case below sleeps in the generator, the key function or {@code __next__}, which
 * a nested run refuses) and pause after any instruction (slicing the run into 1 ns slices changes nothing).
 * The expected values are what CPython 3.12.1 prints for each expression.
 */
class BuiltinsOnThreadTest {

    private static final String PRELUDE = """
            import functools
            import time


            def g(n):
                for i in range(n):
                    time.sleep(0.001)
                    yield i


            def slow(v):
                time.sleep(0.001)
                return v


            def slow_len(s):
                time.sleep(0.001)
                return len(s)


            def slow_add(a, b):
                time.sleep(0.001)
                return a + b


            def extended(it):
                out = [9]
                out.extend(it)
                return out


            def updated(it):
                d = {"x": 0}
                d.update(it)
                return d


            def set_updated(*its):
                s = {9}
                s.update(*its)
                return sorted(s)


            def unpack3(it):
                a, b, c = it
                return c, b, a


            def unpack_star(it):
                first, *rest = it
                return first, rest


            def call_star(*args):
                return args


            def loop_over(it):
                out = []
                for v in it:
                    out.append(v)
                return out


            class Countdown:
                def __init__(self, n):
                    self.n = n

                def __iter__(self):
                    return self

                def __next__(self):
                    time.sleep(0.001)
                    if self.n == 0:
                        raise StopIteration
                    self.n -= 1
                    return self.n


            class Ticker:
                def __init__(self, n):
                    self.n = n

                def __call__(self):
                    time.sleep(0.001)
                    self.n -= 1
                    return self.n


            def sorted_in_place(values):
                values.sort(key=slow, reverse=True)
                return values
            """;

    /** An expression and its repr in CPython 3.12.1. */
    private static final String[][] CASES = {
            {"list(g(3))", "[0, 1, 2]"},
            {"tuple(g(3))", "(0, 1, 2)"},
            {"set(g(3))", "{0, 1, 2}"},
            {"frozenset(g(3))", "frozenset({0, 1, 2})"},
            {"dict((i, -i) for i in g(3))", "{0: 0, 1: -1, 2: -2}"},
            {"dict(zip(\"abc\", g(3)), z=9)", "{'a': 0, 'b': 1, 'c': 2, 'z': 9}"},
            {"sum(g(3))", "3"},
            {"sum(g(3), 10)", "13"},
            {"sum(i / 2 for i in g(3))", "1.5"},
            {"min(g(3))", "0"},
            {"max(g(3))", "2"},
            {"min(g(3), key=lambda v: -v)", "2"},
            {"max(filter(lambda v: v > 5, g(2)), default=\"none\")", "'none'"},
            {"min(5, 3, 4, key=slow)", "3"},
            {"max([\"bb\", \"a\", \"ccc\"], key=slow_len)", "'ccc'"},
            {"sorted(g(3), reverse=True)", "[2, 1, 0]"},
            {"sorted(g(4), key=lambda v: v % 2)", "[0, 2, 1, 3]"},
            {"sorted([3, 1, 2], key=slow)", "[1, 2, 3]"},
            {"any(v > 1 for v in g(3))", "True"},
            {"all(v < 1 for v in g(3))", "False"},
            {"\"-\".join(str(v) for v in g(3))", "'0-1-2'"},
            {"extended(g(3))", "[9, 0, 1, 2]"},
            {"updated((str(v), v) for v in g(3))", "{'x': 0, '0': 0, '1': 1, '2': 2}"},
            {"set_updated(g(2), g(3))", "[0, 1, 2, 9]"},
            {"list(enumerate(g(3), 1))", "[(1, 0), (2, 1), (3, 2)]"},
            {"list(zip(g(3), \"ab\"))", "[(0, 'a'), (1, 'b')]"},
            {"list(zip(g(2), g(2), strict=True))", "[(0, 0), (1, 1)]"},
            {"list(map(lambda v: v * 2, g(3)))", "[0, 2, 4]"},
            {"list(map(slow, [4, 5]))", "[4, 5]"},
            {"list(filter(None, g(3)))", "[1, 2]"},
            {"list(filter(slow, [0, 1, 2]))", "[1, 2]"},
            {"unpack3(g(3))", "(2, 1, 0)"},
            {"unpack_star(g(4))", "(0, [1, 2, 3])"},
            {"[*g(3), 7]", "[0, 1, 2, 7]"},
            {"(*g(2),)", "(0, 1)"},
            {"{*g(2)}", "{0, 1}"},
            {"call_star(*g(3))", "(0, 1, 2)"},
            {"2 in g(3)", "True"},
            {"5 not in g(3)", "True"},
            {"functools.reduce(lambda a, b: a * 10 + b, g(4))", "123"},
            {"functools.reduce(slow_add, [1, 2, 3], 100)", "106"},
            {"next(map(slow, [7]))", "7"},
            {"next(filter(slow, [0, 0]), \"default\")", "'default'"},
            {"loop_over(map(slow, [1, 2]))", "[1, 2]"},
            {"loop_over(enumerate(g(2)))", "[(0, 0), (1, 1)]"},
            {"loop_over(Countdown(3))", "[2, 1, 0]"},
            {"list(Countdown(3))", "[2, 1, 0]"},
            {"sum(Countdown(4))", "6"},
            {"next(Countdown(0), \"empty\")", "'empty'"},
            {"list(iter(Ticker(3), 0))", "[2, 1]"},
            {"sorted_in_place([3, 1, 2])", "[3, 2, 1]"},
    };

    @TestFactory
    Stream<DynamicTest> builtinsBlockAndPauseInPythonCode() {
        return Arrays.stream(CASES).map(c -> DynamicTest.dynamicTest(c[0], () -> {
            String source = PRELUDE + "print(repr(" + c[0] + "))\n";
            TestDriver.Result whole = TestDriver.run("prog.py", source, Long.MAX_VALUE / 4);
            assertThat(whole.stderr()).isEmpty();
            assertThat(whole.stdout()).isEqualTo(c[1] + "\n");
            assertThat(whole.exitCode()).isZero();
            assertThat(whole.virtualNanos()).as("the sleeps ran").isGreaterThanOrEqualTo(1_000_000L);
            TestDriver.Result sliced = TestDriver.run("prog.py", source, 1);
            assertThat(sliced.stdout()).isEqualTo(whole.stdout());
            assertThat(sliced.stderr()).isEqualTo(whole.stderr());
            assertThat(sliced.virtualNanos()).isEqualTo(whole.virtualNanos());
        }));
    }

    private static long slicesOf(String source, long budget) {
        TestDriver.Result r = TestDriver.run("prog.py", source, budget);
        assertThat(r.stderr()).isEmpty();
        return r.slices();
    }

    @Test
    void aLongSumOfAGeneratorPausesInsideTheSum() {
        // 20,000 items of a generator: about a millisecond of virtual time, so 10 us slices end inside sum()
        long slices = slicesOf("total = sum(i * 3 for i in range(20000))\nprint(total)\n", 10_000);
        assertThat(slices).isGreaterThan(50);
        // a builtin iterating a range is one C call in CPython: it does not pause inside
        assertThat(slicesOf("total = sum(range(200000))\nprint(total)\n", 10_000)).isLessThan(5);
    }

    @Test
    void keyFunctionsAndMapFunctionsPauseInsideTheBuiltin() {
        // 5,000 calls of a few nanoseconds each: 1 us slices end inside the builtin
        assertThat(slicesOf("xs = sorted(range(5000), key=lambda v: -v)\nprint(xs[0])\n", 1000))
                .isGreaterThan(20);
        assertThat(slicesOf("xs = list(map(lambda v: v + 1, range(5000)))\nprint(xs[-1])\n", 1000))
                .isGreaterThan(20);
        assertThat(slicesOf("print(min(range(5000), key=lambda v: (v - 77) ** 2))\n", 1000)).isGreaterThan(20);
        // with a key written in Java, sorting is one C call
        assertThat(slicesOf("xs = sorted(range(5000), key=abs)\nprint(xs[0])\n", 1000)).isLessThan(5);
    }

    @Test
    void listSortCatchesChangesToTheListAndKeepsTheSortedItems() {
        String source = """
                xs = [3, 1, 2]
                def key(v):
                    xs.append(v)
                    return v
                try:
                    xs.sort(key=key)
                except ValueError as e:
                    print(e)
                print(xs)
                """;
        TestDriver.Result r = TestDriver.run("prog.py", source, 3);
        assertThat(r.stdout()).isEqualTo("list modified during sort\n[1, 2, 3]\n");
    }

    @Test
    void stopIterationFromAPythonNextEndsTheIterationButNotFromAGenerator() {
        String source = """
                class It:
                    def __init__(self):
                        self.n = 0
                    def __iter__(self):
                        return self
                    def __next__(self):
                        self.n += 1
                        if self.n > 2:
                            raise StopIteration("done")
                        return self.n
                print(list(It()), sorted(It(), reverse=True), tuple(zip(It(), It())))
                def gen():
                    yield 1
                    raise StopIteration
                try:
                    list(gen())
                except RuntimeError as e:
                    print("RuntimeError:", e, type(e.__cause__).__name__)
                """;
        TestDriver.Result r = TestDriver.run("prog.py", source, 2);
        assertThat(r.stdout()).isEqualTo("[1, 2] [2, 1] ((1, 1), (2, 2))\n"
                + "RuntimeError: generator raised StopIteration StopIteration\n");
    }

    @Test
    void aGeneratorRunningInsideABuiltinCannotBeResumedAgain() {
        String source = """
                def gen():
                    yield 1
                    yield list(g)
                g = gen()
                try:
                    print(list(g))
                except ValueError as e:
                    print(e)
                """;
        TestDriver.Result r = TestDriver.run("prog.py", source, 5);
        assertThat(r.stdout()).isEqualTo("generator already executing\n");
    }

    @Test
    void zipStrictOverGeneratorsReportsTheShortArgument() {
        String source = """
                def gen(n):
                    yield from range(n)
                for args in [(gen(2), gen(3)), (gen(3), gen(2)), (gen(1), gen(1), gen(2))]:
                    try:
                        print(list(zip(*args, strict=True)))
                    except ValueError as e:
                        print(e)
                """;
        TestDriver.Result r = TestDriver.run("prog.py", source, 4);
        assertThat(r.stdout()).isEqualTo("zip() argument 2 is longer than argument 1\n"
                + "zip() argument 2 is shorter than argument 1\n"
                + "zip() argument 3 is longer than arguments 1-2\n");
    }
}
