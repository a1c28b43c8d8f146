package dev.loopscope.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopscope.engine.trace.HandleKind;
import dev.loopscope.engine.trace.Trace;
import dev.loopscope.engine.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exact order of loop iterations, callbacks and virtual times, read from the trace. */
class TraceOrderTest {

    private static Trace run(Settings settings, Script main) {
        return JavaProgram.run(settings, main);
    }

    private static <T extends TraceEvent> List<T> events(Trace t, Class<T> kind) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            if (t.kind(i) == kind) {
                out.add(kind.cast(t.event(i)));
            }
        }
        return out;
    }

    /** "kind:target" of every callback the loop ran, grouped by iteration. */
    private static List<List<String>> iterations(Trace t) {
        List<List<String>> out = new ArrayList<>();
        java.util.Map<Integer, String> handles = new java.util.HashMap<>();
        for (int i = 0; i < t.size(); i++) {
            switch (t.event(i)) {
                case TraceEvent.HandleScheduled h -> handles.put(h.handle(), h.kind().name() + ":" + h.target());
                case TraceEvent.LoopIteration it -> out.add(new ArrayList<>());
                case TraceEvent.HandleRun r -> out.getLast().add(handles.get(r.handle()));
                default -> {
                }
            }
        }
        return out;
    }

    @Test
    void aSleepZeroCostsOneIterationAndAWakeUpAnother() {
        // main creates task 1 (child), then awaits it; child does sleep(0) once and returns.
        Script child = Script.define("child", s -> s.sleep(0).returns(v -> 1));
        Script main = Script.define("main", s -> s.createTask("t", v -> child.call()).awaitVar("t", null));
        Trace t = run(Settings.defaults().withoutOverheads(), main);
        // Task ids: 0 main, 1 child; the last two tasks are asyncio.run's own shutdown tasks.
        assertThat(iterations(t).subList(0, 5)).containsExactly(
                List.of("TASK_STEP:0"),                 // main runs, creates child, suspends on it
                List.of("TASK_STEP:1"),                 // child's first step: sleep(0) yields
                List.of("TASK_STEP:1"),                 // child resumes and returns: its done callbacks are scheduled
                List.of("TASK_WAKEUP:0"),               // one iteration later main wakes up and returns
                List.of("STOP_LOOP:" + t.task(0).id()));
    }

    @Test
    void aTimerFiresAtItsDeadlineAndTheWokenTaskRunsOneIterationLater() {
        Script main = Script.define("main", s -> s.sleep(0.25).print("woke"));
        Trace t = run(Settings.defaults().withoutOverheads(), main);
        TraceEvent.HandleScheduled timer = events(t, TraceEvent.HandleScheduled.class).stream()
                .filter(h -> h.kind() == HandleKind.SLEEP_TIMER).findFirst().orElseThrow();
        assertThat(timer.when()).isEqualTo(timer.time() + 250_000_000L);
        TraceEvent.HandleDue due = events(t, TraceEvent.HandleDue.class).getFirst();
        assertThat(due.time()).isEqualTo(timer.when());
        TraceEvent.Output out = events(t, TraceEvent.Output.class).getFirst();
        assertThat(out.time()).isEqualTo(timer.when());
        List<List<String>> its = iterations(t);
        int timerIteration = -1;
        for (int i = 0; i < its.size(); i++) {
            if (its.get(i).contains("SLEEP_TIMER:" + timer.target())) {
                timerIteration = i;
            }
        }
        assertThat(its.get(timerIteration + 1)).containsExactly("TASK_WAKEUP:0");
    }

    @Test
    void timersThatFellDueDuringABlockRunLateInDeadlineOrderInOneIteration() {
        Script sleeper = Script.define("sleeper", s -> s
                .await((c, v) -> Asyncio.sleep((long) v.get("d"), JavaBridge.NONE), null)
                .print(v -> "woke " + v.get("d")));
        Script main = Script.define("main", s -> s
                .createTask("a", v -> sleeper.call(Map.of("d", 300_000_000L)))
                .createTask("b", v -> sleeper.call(Map.of("d", 100_000_000L)))
                .createTask("c", v -> sleeper.call(Map.of("d", 200_000_000L)))
                .sleep(0)
                .blockingSleep(1)
                .awaitVar("a", null));
        Trace t = run(Settings.defaults().withoutOverheads(), main);
        assertThat(t.stdout()).isEqualTo("woke 100000000\nwoke 200000000\nwoke 300000000\n");
        List<TraceEvent.HandleDue> due = events(t, TraceEvent.HandleDue.class);
        assertThat(due).hasSize(3);
        // All three were due long before; they move to the ready queue together when the block ends.
        assertThat(due).allSatisfy(d -> assertThat(d.time()).isEqualTo(due.getFirst().time()));
        assertThat(due.getFirst().time()).isGreaterThanOrEqualTo(1_000_000_000L);
        List<List<String>> its = iterations(t);
        assertThat(its).anySatisfy(it -> assertThat(it).containsSubsequence("SLEEP_TIMER:" + futureOf(t, 100),
                "SLEEP_TIMER:" + futureOf(t, 200), "SLEEP_TIMER:" + futureOf(t, 300)));
    }

    /** The future id of the sleep timer with the given delay in milliseconds. */
    private static int futureOf(Trace t, int ms) {
        return events(t, TraceEvent.HandleScheduled.class).stream()
                .filter(h -> h.kind() == HandleKind.SLEEP_TIMER && h.when() - h.time() == ms * 1_000_000L)
                .findFirst().orElseThrow().target();
    }

    @Test
    void aThreadWaitingForTheGilMakesTheHolderDropItAfterTheSwitchInterval() {
        Script burn = Script.define("burn", s -> s.compute(0.1));
        Script main = Script.define("main", s -> s
                .doing((c, v) -> v.put("pool", new ThreadPool(c.process(), 2, null)))
                .call((c, v) -> Asyncio.runInExecutor(c.loop(), (Executor) v.get("pool"), burn.asFunction(Map.of())), "f1")
                .call((c, v) -> Asyncio.runInExecutor(c.loop(), (Executor) v.get("pool"), burn.asFunction(Map.of())), "f2")
                .gather(null, false, "f1", "f2"));
        Trace t = run(Settings.defaults().withoutOverheads(), main);
        List<TraceEvent.GilChanged> forced = events(t, TraceEvent.GilChanged.class).stream()
                .filter(TraceEvent.GilChanged::forced).toList();
        assertThat(forced).hasSizeGreaterThan(20);
        // Once both workers run and the loop waits in select(), the GIL changes hands every switch interval
        // exactly. (Earlier, a hand-over to a third thread restarts a waiter's interval, as in CPython.)
        List<TraceEvent.GilChanged> steady = forced.subList(forced.size() - 12, forced.size() - 2);
        for (int i = 1; i < steady.size(); i++) {
            assertThat(steady.get(i).time() - steady.get(i - 1).time()).isEqualTo(5_000_000L);
            assertThat(steady.get(i).thread()).isNotEqualTo(steady.get(i - 1).thread());
        }
    }

    @Test
    void aProcessPoolRunsCpuWorkInParallelUpToTheCores() {
        Script burn = Script.define("burn", s -> s.compute(0.4));
        Script main = Script.define("main", s -> {
            s.doing((c, v) -> v.put("pool", new ProcessPool(c.process(), 4)));
            for (int i = 0; i < 4; i++) {
                s.call((c, v) -> Asyncio.runInExecutor(c.loop(), (Executor) v.get("pool"), burn.asFunction(Map.of())),
                        "f" + i);
            }
            s.gather(null, false, "f0", "f1", "f2", "f3");
        });
        Settings base = Settings.defaults().withoutOverheads();
        long fourCores = run(base.withCpuCount(4), main).endTime();
        long twoCores = run(base.withCpuCount(2), main).endTime();
        long start = base.processStartNs();
        // Four 0.4 s jobs: one round on four cores, two rounds on two (after the workers' start-up).
        assertThat(fourCores).isBetween(start + 400_000_000L, start + 420_000_000L);
        assertThat(twoCores).isBetween(start + 800_000_000L, start + 840_000_000L);
    }
}
