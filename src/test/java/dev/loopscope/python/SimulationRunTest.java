package dev.loopscope.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopscope.engine.Settings;
import dev.loopscope.engine.Simulation;
import dev.loopscope.engine.trace.Trace;
import dev.loopscope.python.runtime.Interpreter;
import dev.loopscope.python.runtime.ModuleRegistry;
import dev.loopscope.python.runtime.PyBridge;
import org.junit.jupiter.api.Test;

/** Programs run on the engine's real simulation: the main activity, sleeps, virtual time, output, exit status. */
class SimulationRunTest {

    static Trace run(String source) {
        PythonProgram program = ((PythonProgram.CompileResult.Ok) PythonProgram.compile("prog.py", source, false))
                .program();
        Interpreter interp = program.newInterpreter(Interpreter.Settings.defaults(), ModuleRegistry.standard());
        Simulation sim = new Simulation(Settings.defaults(), new PyBridge(interp));
        return sim.run(program.mainActivity(interp));
    }

    @Test
    void sleepsAdvanceVirtualTimeAndOutputIsInOrder() {
        Trace t = run("""
                import time
                start = time.perf_counter()
                print("start")
                time.sleep(1.5)
                print("slept", round(time.perf_counter() - start, 3))
                """);
        assertThat(t.stdout()).isEqualTo("start\nslept 1.5\n");
        assertThat(t.stderr()).isEmpty();
    }

    @Test
    void uncaughtExceptionsPrintATracebackAndExitWithOne() {
        Trace t = run("""
                def f():
                    return {}["k"]
                f()
                """);
        assertThat(t.stderr()).isEqualTo("""
                Traceback (most recent call last):
                  File "prog.py", line 3, in <module>
                    f()
                  File "prog.py", line 2, in f
                    return {}["k"]
                           ~~^^^^^
                KeyError: 'k'
                """);
        assertThat(t.exitCode()).isEqualTo(1);
    }

    @Test
    void sysExitGivesItsStatus() {
        Trace t = run("import sys\nprint('bye')\nsys.exit(4)\n");
        assertThat(t.stdout()).isEqualTo("bye\n");
        assertThat(t.exitCode()).isEqualTo(4);
    }

    @Test
    void negativeSleepIsAValueError() {
        Trace t = run("import time\ntry:\n    time.sleep(-1)\nexcept ValueError as e:\n    print(e)\n");
        assertThat(t.stdout()).isEqualTo("sleep length must be non-negative\n");
    }
}
