package dev.loopscope.python.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopscope.engine.Activity;
import dev.loopscope.engine.Completion;
import dev.loopscope.engine.Coroutine;
import dev.loopscope.engine.ExecContext;
import dev.loopscope.engine.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Python coroutines as the engine drives them, awaiting coroutines implemented in Java. */
class CoroutineTest {

    /** A Java coroutine that yields "tick" once, then returns what is sent to it (or raises what is thrown). */
    static final class Ticker implements Coroutine {
        boolean started;
        boolean finished;
        final List<Completion> inputs = new ArrayList<>();

        @Override
        public Activity resume(Completion input) {
            return new Activity() {
                @Override
                public Outcome run(ExecContext ctx, Completion resumed) {
                    inputs.add(input);
                    if (!started && input instanceof Completion.Returned) {
                        started = true;
                        return new Outcome.Done(new Completion.Yielded("tick"));
                    }
                    finished = true;
                    if (input instanceof Completion.Returned r) {
                        return new Outcome.Done(new Completion.Returned("sent:" + r.value()));
                    }
                    return new Outcome.Done(input);
                }
            };
        }

        @Override
        public String qualName() {
            return "ticker";
        }

        @Override
        public boolean isFinished() {
            return finished;
        }
    }

    static ModuleRegistry withTicker(List<Ticker> made) {
        return ModuleRegistry.standard().with("ticks", i -> new PyModule("ticks").def("ticker", (t, a, kw) -> {
            Ticker tk = new Ticker();
            made.add(tk);
            return tk;
        }));
    }

    @Test
    void awaitingAJavaCoroutineYieldsThroughTheWholeChain() {
        List<Ticker> made = new ArrayList<>();
        Harness h = new Harness("""
                from ticks import ticker
                async def inner():
                    v = await ticker()
                    return v + "!"
                async def outer():
                    r = await inner()
                    return "outer got " + r
                """, withTicker(made));
        Completion c = h.call("outer");
        PyGenerator coro = (PyGenerator) ((Completion.Returned) c).value();
        assertThat(coro.describe()).isEqualTo("outer() running at prog.py:5");
        Completion first = h.drive(coro.resume(new Completion.Returned(Py.None)));
        assertThat(first).isEqualTo(new Completion.Yielded("tick"));
        assertThat(coro.isFinished()).isFalse();
        Completion second = h.drive(coro.resume(new Completion.Returned("hello")));
        assertThat(second).isEqualTo(new Completion.Returned("outer got sent:hello!"));
        assertThat(coro.isFinished()).isTrue();
        assertThat(coro.describe()).isEqualTo("outer() done, defined at prog.py:5");
    }

    @Test
    void throwingIntoASuspendedChainReachesTheJavaCoroutineAndComesBack() {
        List<Ticker> made = new ArrayList<>();
        Harness h = new Harness("""
                from ticks import ticker
                async def inner():
                    try:
                        await ticker()
                    except ValueError as e:
                        return "handled " + str(e)
                async def outer():
                    return await inner()
                """, withTicker(made));
        PyGenerator coro = (PyGenerator) ((Completion.Returned) h.call("outer")).value();
        h.drive(coro.resume(new Completion.Returned(Py.None)));
        PyBaseException boom = Py.newException(Types.VALUE_ERROR, "boom");
        Completion c = h.drive(coro.resume(new Completion.Raised(boom)));
        assertThat(c).isEqualTo(new Completion.Returned("handled boom"));
        assertThat(made.get(0).inputs.get(1)).isEqualTo(new Completion.Raised(boom));
    }

    @Test
    void throwingIntoAnUnstartedCoroutineRaisesWithoutRunningItsBody() {
        Harness h = new Harness("""
                ran = []
                async def work():
                    ran.append(1)
                """);
        PyGenerator coro = (PyGenerator) ((Completion.Returned) h.call("work")).value();
        PyBaseException cancelled = Py.newException(Types.CANCELLED_ERROR);
        Completion c = h.drive(coro.resume(new Completion.Raised(cancelled)));
        assertThat(c).isEqualTo(new Completion.Raised(cancelled));
        assertThat(((PyList) h.get("ran")).size).isZero();
        assertThat(coro.isFinished()).isTrue();
        Completion again = h.drive(coro.resume(new Completion.Returned(Py.None)));
        assertThat(Ops.str(((Completion.Raised) again).exception())).isEqualTo("cannot reuse already awaited coroutine");
    }

    @Test
    void sendingIntoAJustStartedCoroutineMustBeNone() {
        Harness h = new Harness("async def work():\n    return 1\n");
        PyGenerator coro = (PyGenerator) ((Completion.Returned) h.call("work")).value();
        Completion c = h.drive(coro.resume(new Completion.Returned(Py.box(5))));
        assertThat(Ops.str(((Completion.Raised) c).exception()))
                .isEqualTo("can't send non-None value to a just-started coroutine");
    }

    @Test
    void awaitingSomethingElseIsATypeError() {
        Harness h = new Harness("""
                async def work():
                    try:
                        await 5
                    except TypeError as e:
                        return str(e)
                """);
        PyGenerator coro = (PyGenerator) ((Completion.Returned) h.call("work")).value();
        assertThat(h.drive(coro.resume(new Completion.Returned(Py.None))))
                .isEqualTo(new Completion.Returned("object int can't be used in 'await' expression"));
    }

    @Test
    void aBareYieldInsideAwaitIsYieldedToTheTask() {
        Harness h = new Harness("""
                class Step:
                    def __await__(self):
                        got = yield "suspend"
                        return got * 2
                async def work():
                    return await Step()
                """);
        PyGenerator coro = (PyGenerator) ((Completion.Returned) h.call("work")).value();
        assertThat(h.drive(coro.resume(new Completion.Returned(Py.None)))).isEqualTo(new Completion.Yielded("suspend"));
        assertThat(h.drive(coro.resume(new Completion.Returned(Py.box(21))))).isEqualTo(new Completion.Returned(Py.box(42)));
    }

    @Test
    void coroutineReprNamesItsQualifiedName() {
        Harness h = new Harness("""
                class A:
                    async def m(self):
                        pass
                c = A().m()
                r = repr(c)
                """);
        assertThat(Ops.str(h.get("r"))).matches("<coroutine object A\\.m at 0x[0-9a-f]+>");
    }
}
