package dev.loopscope.python.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopscope.engine.Settings;
import dev.loopscope.engine.Simulation;
import dev.loopscope.engine.trace.Trace;
import dev.loopscope.python.PythonProgram;
import dev.loopscope.python.runtime.Interpreter;
import dev.loopscope.python.runtime.PyBridge;
import org.junit.jupiter.api.Test;

/**
 * Done callbacks of {@code concurrent.futures.Future} that raise: CPython logs an {@code Exception} with the
 * library frame that called the callback and goes on; other exceptions propagate. The expected texts are what
 * CPython 3.12.1 prints, but for the object addresses, which differ in every CPython run (no golden program can
 * hold them).
 */
class ConcurrentFutureCallbacksTest {

    private static Trace run(String source) {
        PythonProgram program = ((PythonProgram.CompileResult.Ok) PythonProgram.compile("prog.py", source, false))
                .program();
        Interpreter interp = program.newInterpreter(Interpreter.Settings.defaults(), LibraryModules.registry());
        return new Simulation(Settings.defaults(), new PyBridge(interp)).run(program.mainActivity(interp));
    }

    @Test
    void aCallbackAddedToADoneFutureThatRaisesIsLoggedAndAddDoneCallbackReturns() {
        Trace t = run("""
                from concurrent.futures import Future
                def cb(f):
                    print('callback sees', f.result())
                    raise KeyError('in callback')
                f = Future()
                f.set_result(42)
                f.add_done_callback(cb)
                print('add_done_callback returned normally')
                """);
        assertThat(t.stdout()).isEqualTo("callback sees 42\nadd_done_callback returned normally\n");
        assertThat(t.stderr()).matches("""
                exception calling callback for <Future at 0x[0-9a-f]+ state=finished returned int>
                Traceback \\(most recent call last\\):
                  File ".*/concurrent/futures/_base.py", line 424, in add_done_callback
                    fn\\(self\\)
                  File "prog.py", line 4, in cb
                    raise KeyError\\('in callback'\\)
                KeyError: 'in callback'
                """);
        assertThat(t.exitCode()).isZero();
    }

    @Test
    void aCallbackRunByTheCompletionShowsInvokeCallbacksAndTheNextOneStillRuns() {
        Trace t = run("""
                from concurrent.futures import Future
                g = Future()
                g.add_done_callback(lambda fut: 1 / 0)
                g.add_done_callback(lambda fut: print('second callback still runs'))
                g.set_result(None)
                print('set_result returned')
                """);
        assertThat(t.stdout()).isEqualTo("second callback still runs\nset_result returned\n");
        assertThat(t.stderr()).matches("""
                exception calling callback for <Future at 0x[0-9a-f]+ state=finished returned NoneType>
                Traceback \\(most recent call last\\):
                  File ".*/concurrent/futures/_base.py", line 340, in _invoke_callbacks
                    callback\\(self\\)
                  File "prog.py", line 3, in <lambda>
                    g.add_done_callback\\(lambda fut: 1 / 0\\)
                                                    ~~\\^~~
                ZeroDivisionError: division by zero
                """);
    }

    @Test
    void aSystemExitInACallbackIsNotCaught() {
        Trace t = run("""
                from concurrent.futures import Future
                def leave(f):
                    raise SystemExit(3)
                h = Future()
                h.set_result(0)
                h.add_done_callback(leave)
                print('not reached')
                """);
        assertThat(t.stdout()).isEmpty();
        assertThat(t.stderr()).isEmpty();
        assertThat(t.exitCode()).isEqualTo(3);
    }
}
