package dev.loopscope.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopscope.engine.Script.Builder;
import dev.loopscope.engine.trace.Trace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The asyncio rules of the engine, each checked against the output CPython 3.12.1 printed for the same
 * program (the Python source is quoted above each test).
 */
class AsyncioRulesTest {

    private static Trace run(Script main) {
        return JavaProgram.run(Settings.defaults().withoutOverheads(), main);
    }

    private static Task task(Script.Vars v, String name) {
        return (Task) v.get(name);
    }

    /*
     * async def child(): print("child"); return 7
     * async def ticker():
     *     for i in range(4): print("tick", i); await asyncio.sleep(0)
     * async def main():
     *     asyncio.create_task(ticker()); t = asyncio.create_task(child())
     *     r = await t; print("main resumed", r); await asyncio.sleep(0.01)
     */
    @Test
    void awaitingATaskCostsOneIterationAfterItFinishes() {
        Script child = Script.define("child", s -> s.print("child").returns(v -> 7));
        Script ticker = Script.define("ticker", s -> {
            for (int i = 0; i < 4; i++) {
                int n = i;
                s.print("tick " + n).sleep(0);
            }
        });
        Script main = Script.define("main", s -> s
                .createTask("tk", v -> ticker.call())
                .createTask("t", v -> child.call())
                .awaitVar("t", "r")
                .print(v -> "main resumed " + v.get("r"))
                .sleep(0.01));
        assertThat(run(main).stdout()).isEqualTo("tick 0\nchild\ntick 1\nmain resumed 7\ntick 2\ntick 3\n");
    }

    /*
     * job(i, d): print("start", i); await sleep(d); if i == 2: raise ValueError("boom"); print("end", i); return i
     * main: tasks for (0, .3), (1, .1), (2, .2), (3, .4); try: await gather(*tasks) except ValueError as e:
     * print("caught", e); print names and done(); await sleep(.5); print names, done, cancelled;
     * then gather of four fresh job(i, .1) coroutines with return_exceptions=True and print the list.
     */
    @Test
    void gatherRaisesTheFirstErrorAtOnceWhileTheOthersRunOn() {
        Script job = Script.define("job", s -> s
                .print(v -> "start " + v.get("i"))
                .await((c, v) -> Asyncio.sleep((long) v.get("d"), JavaBridge.NONE), null)
                .doing((c, v) -> {
                    if ((int) v.get("i") == 2) {
                        throw new PyRaised(new JavaBridge.JavaError("ValueError", "boom"), "boom");
                    }
                })
                .print(v -> "end " + v.get("i"))
                .returns(v -> v.get("i")));
        long[] delays = {300, 100, 200, 400};
        Script main = Script.define("main", s -> {
            for (int i = 0; i < 4; i++) {
                int n = i;
                s.createTask("t" + n, v -> job.call(Map.of("i", n, "d", delays[n] * 1_000_000L)));
            }
            s.tryExcept(b -> b.gather(null, false, "t0", "t1", "t2", "t3"), "ValueError", "e",
                    h -> h.print(v -> "caught " + ((JavaBridge.JavaError) v.get("e")).message()));
            printStates(s, false);
            s.sleep(0.5);
            printStates(s, true);
            for (int i = 0; i < 4; i++) {
                int n = i;
                s.doing((c, v) -> v.put("c" + n, job.call(Map.of("i", n, "d", 100_000_000L))));
            }
            s.gather("r", true, "c0", "c1", "c2", "c3").print(v -> c(v).repr(v.get("r")));
        });
        assertThat(run(main).stdout()).isEqualTo("""
                start 0
                start 1
                start 2
                start 3
                end 1
                caught boom
                Task-2 False
                Task-3 True
                Task-4 True
                Task-5 False
                end 0
                end 3
                Task-2 True False
                Task-3 True False
                Task-4 True False
                Task-5 True False
                start 0
                start 1
                start 2
                start 3
                end 0
                end 1
                end 3
                [0, 1, ValueError('boom'), 3]
                """);
    }

    private static JavaBridge c(Script.Vars v) {
        return new JavaBridge();
    }

    private static void printStates(Builder s, boolean withCancelled) {
        for (int i = 0; i < 4; i++) {
            int n = i;
            s.print(v -> task(v, "t" + n).name() + " " + py(task(v, "t" + n).isDone())
                    + (withCancelled ? " " + py(task(v, "t" + n).isCancelled()) : ""));
        }
    }

    private static String py(boolean b) {
        return b ? "True" : "False";
    }

    /*
     * worker(name): try: print(name, "working"); await sleep(1); print(name, "finished")
     *   except CancelledError: print(name, "got CancelledError"); raise  finally: print(name, "cleanup")
     * swallow(): try: await sleep(1) except CancelledError: print("swallowed"); return "ok"
     * main: t = task(worker("w1")); u = task(worker("w2")); s = task(swallow())
     *   print("cancel u before start:", u.cancel()); await sleep(.1)
     *   print("cancel t:", t.cancel(), "cancel s:", s.cancel()); print(..., t.cancelled())
     *   try: await t except CancelledError: print("main saw t cancelled", t.cancelled())
     *   print("s result:", await s, s.cancelled()); print("u:", u.cancelled()); print("cancel done task:", t.cancel())
     */
    @Test
    void cancellationIsThrownInAtTheAwaitAndMayBeSwallowed() {
        Script worker = Script.define("worker", s -> s.tryBlock(
                b -> b.print(v -> v.get("name") + " working").sleep(1).print(v -> v.get("name") + " finished"),
                List.of(Builder.handler("CancelledError", "e", h -> h
                        .print(v -> v.get("name") + " got CancelledError").reraise("e"))),
                null,
                f -> f.print(v -> v.get("name") + " cleanup")));
        Script swallow = Script.define("swallow", s -> s
                .tryExcept(b -> b.sleep(1), "CancelledError", "e", h -> h.print("swallowed"))
                .returns(v -> "ok"));
        Script main = Script.define("main", s -> s
                .createTask("t", v -> worker.call(Map.of("name", "w1")))
                .createTask("u", v -> worker.call(Map.of("name", "w2")))
                .createTask("s", v -> swallow.call())
                .print(v -> "cancel u before start: " + py(task(v, "u").cancel(null)))
                .sleep(0.1)
                .print(v -> "cancel t: " + py(task(v, "t").cancel(null)) + " cancel s: " + py(task(v, "s").cancel(null)))
                .print(v -> "t.cancelled() right after cancel: " + py(task(v, "t").isCancelled()))
                .tryExcept(b -> b.awaitVar("t", null), "CancelledError", "e",
                        h -> h.print(v -> "main saw t cancelled " + py(task(v, "t").isCancelled())))
                .awaitVar("s", "sr")
                .print(v -> "s result: " + v.get("sr") + " " + py(task(v, "s").isCancelled()))
                .print(v -> "u: " + py(task(v, "u").isCancelled()))
                .print(v -> "cancel done task: " + py(task(v, "t").cancel(null))));
        assertThat(run(main).stdout()).isEqualTo("""
                cancel u before start: True
                w1 working
                cancel t: True cancel s: True
                t.cancelled() right after cancel: False
                w1 got CancelledError
                w1 cleanup
                swallowed
                main saw t cancelled True
                s result: ok False
                u: True
                cancel done task: False
                """);
    }

    /*
     * slow(): try: print("slow start"); await sleep(5) except CancelledError: print("slow cancelled"); raise
     *   finally: print("slow finally")
     * main: try: await wait_for(slow(), 0.5) except TimeoutError as e: print("timeout", type(e).__name__)
     *   print(current_task().get_name()); t = task(slow())
     *   try: await wait_for(t, 0.2) except TimeoutError: print("timeout2", t.cancelled(), t.get_name())
     */
    @Test
    void waitForCancelsTheInnerWorkAndRaisesTimeoutErrorAfterItsCleanup() {
        Script slow = Script.define("slow", s -> s.tryBlock(
                b -> b.print("slow start").sleep(5),
                List.of(Builder.handler("CancelledError", "e", h -> h.print("slow cancelled").reraise("e"))),
                null,
                f -> f.print("slow finally")));
        Script main = Script.define("main", s -> s
                .doing((c, v) -> v.put("t0", c.loop().time()))
                .tryExcept(b -> b.await((c, v) -> Asyncio.waitFor(slow.call(), 500_000_000L, 0), null),
                        "TimeoutError", "e",
                        h -> h.print(v -> "timeout " + ((JavaBridge.JavaError) v.get("e")).type()))
                .doing((c, v) -> v.put("elapsed", c.loop().time() - (long) v.get("t0")))
                .print(v -> "elapsed " + v.get("elapsed"))
                .doing((c, v) -> v.put("me", c.loop().currentTask().name()))
                .print(v -> (String) v.get("me"))
                .createTask("t", v -> slow.call())
                .tryExcept(b -> b.await((c, v) -> Asyncio.waitFor(v.get("t"), 200_000_000L, 0), null),
                        "TimeoutError", "e",
                        h -> h.print(v -> "timeout2 " + py(task(v, "t").isCancelled()) + " " + task(v, "t").name())));
        assertThat(run(main).stdout()).isEqualTo("""
                slow start
                slow cancelled
                slow finally
                timeout TimeoutError
                elapsed 500000000
                Task-1
                slow start
                slow cancelled
                slow finally
                timeout2 True Task-2
                """);
    }
}
