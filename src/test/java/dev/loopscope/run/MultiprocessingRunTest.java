package dev.loopscope.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopscope.engine.Settings;
import dev.loopscope.engine.trace.Entities.ProcessInfo;
import dev.loopscope.engine.trace.Entities.ThreadInfo;
import dev.loopscope.engine.trace.ThreadRole;
import dev.loopscope.engine.trace.Trace;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What goldens cannot show, because CPython's wall-clock times vary from run to run: how long processes take in
 * virtual time, and what the trace records of them for the window.
 */
class MultiprocessingRunTest {

    private static Trace run(String source, int cpus) {
        RunResult r = new PythonRunner().run("prog.py", source, Settings.defaults().withCpuCount(cpus),
                ProgramRunner.Cancellation.NEVER);
        Trace t = ((RunResult.Ran) r).trace();
        assertThat(t.stderr()).isEmpty();
        return t;
    }

    private static double printed(Trace t, String label) {
        for (String line : t.stdout().split("\n")) {
            if (line.startsWith(label + " ")) {
                return Double.parseDouble(line.substring(label.length() + 1));
            }
        }
        throw new AssertionError("no " + label + " in " + t.stdout());
    }

    private static final String CPU_BOUND = """
            import multiprocessing as mp
            import threading
            import time

            def count(n):
                total = 0
                for i in range(n):
                    total += i
                return total

            def timed(label, starter):
                t0 = time.perf_counter()
                workers = [starter(target=count, args=(400_000,)) for _ in range(4)]
                for w in workers:
                    w.start()
                for w in workers:
                    w.join()
                print(label, time.perf_counter() - t0)

            if __name__ == '__main__':
                t0 = time.perf_counter()
                for _ in range(4):
                    count(400_000)
                print("sequential", time.perf_counter() - t0)
                timed("threads", threading.Thread)
                timed("processes", mp.Process)
            """;

    @Test
    void cpuBoundProcessesRunInParallelOnTheCoresWhileThreadsShareTheGil() {
        Trace four = run(CPU_BOUND, 4);
        double sequential = printed(four, "sequential");
        assertThat(printed(four, "threads")).isBetween(0.95 * sequential, 1.1 * sequential);
        // four cores: about a quarter, plus the start-up of a forked process
        assertThat(printed(four, "processes")).isBetween(0.25 * sequential, 0.4 * sequential);
        Trace two = run(CPU_BOUND, 2);
        assertThat(printed(two, "processes")).isBetween(0.5 * sequential, 0.65 * sequential);
    }

    @Test
    void aPoolRoundTripTakesWhatCPythonsTakes() {
        Trace t = run("""
                import multiprocessing as mp
                import time
                if __name__ == '__main__':
                    with mp.Pool(2) as pool:
                        pool.apply(abs, (0,))
                        t0 = time.perf_counter()
                        for i in range(100):
                            pool.apply(abs, (i,))
                        print("roundtrip", (time.perf_counter() - t0) / 100)
                        t0 = time.perf_counter()
                        list(pool.imap(abs, range(1000)))
                        print("pipelined", (time.perf_counter() - t0) / 1000)
                """, 4);
        // CPython 3.12.1: 100-140 us a round trip, 25 us a call when they are sent in a row
        assertThat(printed(t, "roundtrip")).isBetween(90e-6, 150e-6);
        assertThat(printed(t, "pipelined")).isBetween(10e-6, 40e-6);
    }

    @Test
    void processesAndTheirThreadsAreInTheTraceForTheWindow() {
        Trace t = run("""
                import multiprocessing as mp
                if __name__ == '__main__':
                    p = mp.Process(target=print, args=("child",))
                    p.start()
                    p.join()
                    with mp.Pool(2) as pool:
                        pool.map(abs, [1, 2])
                """, 4);
        List<String> names = t.processes().stream().map(ProcessInfo::name).toList();
        assertThat(names).containsExactly("MainProcess", "Process-1", "ForkPoolWorker-2", "ForkPoolWorker-3");
        assertThat(t.processes().stream().map(ProcessInfo::poolWorker).toList())
                .containsExactly(false, false, true, true);
        assertThat(t.processes().get(1).parent()).isEqualTo(t.processes().get(0).id());
        for (ProcessInfo p : t.processes().subList(1, 4)) {
            List<ThreadInfo> own = t.threads().stream().filter(th -> th.process() == p.id()).toList();
            assertThat(own).extracting(ThreadInfo::role).contains(ThreadRole.MAIN);
        }
        assertThat(t.threads().stream().map(ThreadInfo::name).toList())
                .contains("Thread-1 (_handle_workers)", "Thread-2 (_handle_tasks)", "Thread-3 (_handle_results)");
    }

    @Test
    void aRunEndsWithItsLastThreadNotWithATimeoutLeftPending() {
        Trace t = run("""
                import threading, time
                done = threading.Event()
                threading.Thread(target=lambda: (time.sleep(0.01), done.set())).start()
                print(done.wait(timeout=5))
                """, 4);
        assertThat(t.stdout()).isEqualTo("True\n");
        assertThat(t.endTime()).isLessThan(100_000_000L);
    }
}
