package dev.loopscope.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopscope.engine.Script.Builder;
import dev.loopscope.engine.trace.Trace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Gather cancellation and task state queries, against CPython 3.12.1's output for the same program. */
class GatherAndStateTest {

    private static Task task(Script.Vars v, String name) {
        return (Task) v.get(name);
    }

    private static String py(boolean b) {
        return b ? "True" : "False";
    }

    /*
     * child(n, d): try: await sleep(d); print("child", n, "done"); return n
     *              except CancelledError: print("child", n, "cancelled"); raise
     * main: g = gather(child(1, .1), child(2, .5)); await sleep(.2); print("cancel gather:", g.cancel())
     *   try: await g except CancelledError: print("gather raised CancelledError", g.cancelled())
     *   t1, t2 = tasks child(3, .1), child(4, .3); g2 = gather(t1, t2); await sleep(.2); t2.cancel()
     *   try: print(await g2) except CancelledError: print("g2 raised CancelledError", g2.cancelled(), g2.done())
     *   t5, t6 = tasks child(5, .1), child(6, .3); g3 = gather(t5, t6, return_exceptions=True); await sleep(.2)
     *   t6.cancel(); r = await g3; print(r, type(r[1]).__name__)
     *   t = task(child(7, .1), name="seven"); t.result() and t.exception() → InvalidStateError messages
     *   t.cancel(); await sleep(0); t.exception() → CancelledError(); print(t.get_name(), t.done(), t.cancelled())
     *   u = task(child(8, 0)); print(u.get_name()); await u
     */
    @Test
    void gatherCancellationAndTaskStates() {
        Script child = Script.define("child", s -> s.tryExcept(
                b -> b.await((c, v) -> Asyncio.sleep((long) v.get("d"), JavaBridge.NONE), null)
                        .print(v -> "child " + v.get("n") + " done").returns(v -> v.get("n")),
                "CancelledError", "e",
                h -> h.print(v -> "child " + v.get("n") + " cancelled").reraise("e")));
        JavaBridge py = new JavaBridge();
        Script main = Script.define("main", s -> s
                .doing((c, v) -> v.put("g", Asyncio.gather(c.loop(), List.of(
                        child.call(Map.of("n", 1, "d", 100_000_000L)),
                        child.call(Map.of("n", 2, "d", 500_000_000L))), false, 0)))
                .sleep(0.2)
                .print(v -> "cancel gather: " + py(((Future) v.get("g")).cancel(null)))
                .tryExcept(b -> b.awaitVar("g", null), "CancelledError", "e",
                        h -> h.print(v -> "gather raised CancelledError " + py(((Future) v.get("g")).isCancelled())))
                .createTask("t1", v -> child.call(Map.of("n", 3, "d", 100_000_000L)))
                .createTask("t2", v -> child.call(Map.of("n", 4, "d", 300_000_000L)))
                .doing((c, v) -> v.put("g2", Asyncio.gather(c.loop(), List.of(v.get("t1"), v.get("t2")), false, 0)))
                .sleep(0.2)
                .doing((c, v) -> task(v, "t2").cancel(null))
                .tryExcept(b -> b.awaitVar("g2", "r").print(v -> py.repr(v.get("r"))), "CancelledError", "e",
                        h -> h.print(v -> "g2 raised CancelledError " + py(((Future) v.get("g2")).isCancelled())
                                + " " + py(((Future) v.get("g2")).isDone())))
                .createTask("t5", v -> child.call(Map.of("n", 5, "d", 100_000_000L)))
                .createTask("t6", v -> child.call(Map.of("n", 6, "d", 300_000_000L)))
                .doing((c, v) -> v.put("g3", Asyncio.gather(c.loop(), List.of(v.get("t5"), v.get("t6")), true, 0)))
                .sleep(0.2)
                .doing((c, v) -> task(v, "t6").cancel(null))
                .awaitVar("g3", "r3")
                .print(v -> py.repr(v.get("r3")) + " "
                        + ((JavaBridge.JavaError) ((List<?>) v.get("r3")).get(1)).type())
                .doing((c, v) -> v.put("t", c.loop().createTask(child.call(Map.of("n", 7, "d", 100_000_000L)),
                        "seven", 0)))
                .tryExcept(b -> b.doing((c, v) -> task(v, "t").result()), "InvalidStateError", "e",
                        h -> h.print(v -> "InvalidStateError: " + py.str(v.get("e"))))
                .tryExcept(b -> b.doing((c, v) -> task(v, "t").exception()), "InvalidStateError", "e",
                        h -> h.print(v -> "InvalidStateError: " + py.str(v.get("e"))))
                .doing((c, v) -> task(v, "t").cancel(null))
                .sleep(0)
                .tryExcept(b -> b.doing((c, v) -> task(v, "t").exception()), "CancelledError", "e",
                        h -> h.print(v -> "exception() raised CancelledError " + py.repr(v.get("e"))))
                .print(v -> task(v, "t").name() + " " + py(task(v, "t").isDone()) + " "
                        + py(task(v, "t").isCancelled()))
                .createTask("u", v -> child.call(Map.of("n", 8, "d", 0L)))
                .print(v -> task(v, "u").name())
                .awaitVar("u", null));
        Trace t = JavaProgram.run(Settings.defaults().withoutOverheads(), main);
        assertThat(t.stdout()).isEqualTo("""
                child 1 done
                cancel gather: True
                child 2 cancelled
                gather raised CancelledError False
                child 3 done
                child 4 cancelled
                g2 raised CancelledError False True
                child 5 done
                child 6 cancelled
                [5, CancelledError('')] CancelledError
                InvalidStateError: Result is not set.
                InvalidStateError: Exception is not set.
                exception() raised CancelledError CancelledError()
                seven True True
                Task-9
                child 8 done
                """);
    }

    @Test
    void aProgramThatWaitsForeverStopsWithAClearReason() {
        Script main = Script.define("main", s -> s.await((c, v) -> c.loop().createFuture(), null));
        Trace t = JavaProgram.run(Settings.defaults(), main);
        assertThat(t.stopReason()).hasValueSatisfying(r -> assertThat(r)
                .startsWith("stopped: the program would wait forever:").contains("MainThread is select"));
    }

    @Test
    void anEndlessProgramStopsAtTheEventBudget() {
        Script spin = Script.define("spin", s -> {
            Builder b = s;
            for (int i = 0; i < 1000; i++) {
                b.sleep(0);
            }
        });
        Script main = Script.define("main", s -> s.createTask("a", v -> spin.call()).awaitVar("a", null));
        Trace t = JavaProgram.run(Settings.defaults().withBudget(500, Settings.SECOND), main);
        assertThat(t.stopReason()).contains("stopped: budget exceeded: more than 500 trace events");
        assertThat(t.size()).isLessThan(520);
    }

    @Test
    void aNegativeSleepFromTheJavaApiIsRefused() {
        Script main = Script.define("main", s -> s.blockingSleep(-1));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JavaProgram.run(Settings.defaults(), main))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative sleep");
    }

    @Test
    void awaitingAFutureOfAnotherLoopIsARuntimeErrorInTheTask() {
        // A second loop on a helper thread owns the future; awaiting it from this loop's task fails.
        Script main = Script.define("main", s -> s
                .doing((c, v) -> v.put("f", new EventLoop(c.thread()).createFuture()))
                .tryExcept(b -> b.awaitVar("f", null), "RuntimeError", "e",
                        h -> h.print(v -> new JavaBridge().str(v.get("e")))));
        Trace t = JavaProgram.run(Settings.defaults(), main);
        assertThat(t.stdout()).startsWith("Task <Task pending name='Task-1' coro=<main() running>")
                .doesNotContain("Traceback")
                .contains("got Future <Future pending> attached to a different loop");
    }
}
