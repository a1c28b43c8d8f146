package dev.loopscope.python.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loopscope.engine.Completion;
import dev.loopscope.engine.PythonBridge;
import org.junit.jupiter.api.Test;

/** os.fork-style copies of an interpreter, and pickling values for other processes. */
class ForkAndPickleTest {

    static final String PROGRAM = """
            import random
            counter = [0]
            class Box:
                def __init__(self, v):
                    self.v = v
                def bump(self):
                    self.v += 1
                    return self.v
            box = Box(10)
            shared = {"box": box, "again": box}
            def work(x):
                counter[0] += 1
                return x * 2
            def outer():
                def inner():
                    pass
                return inner
            nested = outer()
            square = lambda x: x * x
            async def co():
                pass
            def gen():
                yield 1
            """;

    @Test
    void aForkedInterpreterHasItsOwnCopyOfEveryModule() {
        Harness h = new Harness(PROGRAM);
        Interpreter child = h.interp.fork(5000);
        PyModule childMain = child.modules.get("__main__");
        PyInstance childBox = (PyInstance) childMain.dict.getStr("box");
        PyInstance parentBox = (PyInstance) h.get("box");
        assertThat(childBox).isNotSameAs(parentBox);
        PyDict shared = (PyDict) childMain.dict.getStr("shared");
        assertThat(shared.get("box")).isSameAs(childBox).isSameAs(shared.get("again"));
        assertThat(childBox.type).isNotSameAs(parentBox.type);
        assertThat(childBox.type.interp).isSameAs(child);
        // the child's functions see the child's globals
        PyFunction work = (PyFunction) childMain.dict.getStr("work");
        assertThat(work.globals).isSameAs(childMain.dict);
        child.enter();
        Completion c = new Harness.Driver(child).drive(PyThread.forCall(child, work, Py.box(21)));
        assertThat(c).isEqualTo(new Completion.Returned(Py.box(42)));
        assertThat(((PyList) childMain.dict.getStr("counter")).get(0)).isEqualTo(Py.box(1));
        assertThat(((PyList) h.get("counter")).get(0)).isEqualTo(Py.box(0));
        assertThat(child.settings.pid()).isEqualTo(5000);
    }

    @Test
    void theForkedRandomGeneratorContinuesTheSameSequence() {
        Harness h = new Harness("import random\nrandom.seed(7)\na = random.random()\n");
        Interpreter child = h.interp.fork(2);
        PyRandom parent = (PyRandom) h.interp.moduleState.get("random");
        PyRandom copy = (PyRandom) child.moduleState.get("random");
        assertThat(copy).isNotSameAs(parent);
        assertThat(copy.random()).isEqualTo(parent.random());
    }

    @Test
    void picklingCopiesDataAndRefusesWhatCPythonRefuses() {
        Harness h = new Harness(PROGRAM);
        PyBridge bridge = new PyBridge(h.interp);
        PythonBridge.Pickled ok = bridge.pickle(h.get("shared"));
        assertThat(ok.error()).isNull();
        PyDict copy = (PyDict) ok.copy();
        assertThat(copy).isNotSameAs(h.get("shared"));
        assertThat(copy.get("box")).isSameAs(copy.get("again")).isNotSameAs(h.get("box"));
        assertThat(bridge.pickle(h.get("work")).copy()).isSameAs(h.get("work"));
        assertThat(error(bridge, h, "square")).isEqualTo(
                "_pickle.PicklingError: Can't pickle <function <lambda> at 0xADDR>: attribute lookup <lambda> on __main__ failed");
        assertThat(error(bridge, h, "nested")).isEqualTo("AttributeError: Can't pickle local object 'outer.<locals>.inner'");
        Object coro = h.call("co") instanceof Completion.Returned r ? r.value() : null;
        assertThat(Ops.str(((PyBaseException) bridge.pickle(coro).error()))).isEqualTo("cannot pickle 'coroutine' object");
        Object gen = ((Completion.Returned) h.call("gen")).value();
        assertThat(Ops.str(((PyBaseException) bridge.pickle(gen).error()))).isEqualTo("cannot pickle 'generator' object");
    }

    private static String error(PyBridge bridge, Harness h, String name) {
        return error(bridge.pickle(h.get(name)));
    }

    private static String error(PythonBridge.Pickled p) {
        PyBaseException e = (PyBaseException) p.error();
        return TracebackFormatter.exceptionLine(e).strip().replaceAll("0x[0-9a-f]+", "0xADDR");
    }

    @Test
    void aForkedProgramCanStillRaiseAndPrint() {
        Harness h = new Harness("def boom():\n    raise ValueError('child')\n");
        Interpreter child = h.interp.fork(3);
        Object boom = child.modules.get("__main__").dict.getStr("boom");
        Completion c = new Harness.Driver(child).drive(PyThread.forCall(child, boom));
        assertThat(TracebackFormatter.exceptionLine((PyBaseException) ((Completion.Raised) c).exception()))
                .isEqualTo("ValueError: child\n");
        assertThatThrownBy(() -> ((Completion.Returned) c).value()).isInstanceOf(ClassCastException.class);
    }

    @Test
    void aPickledCallRunsTheWorkerProcessesOwnFunctionAndClasses() {
        Harness h = new Harness("""
                calls = []
                class Job:
                    def __init__(self, n):
                        self.n = n
                def run(job):
                    calls.append(job.n)
                    return (isinstance(job, Job), job.n * 10, Job(job.n + 1))
                """);
        Interpreter worker = h.interp.fork(77);
        PyBridge bridge = new PyBridge(h.interp);
        Object fn = bridge.pickle(h.get("run")).copy();
        Object job = bridge.pickle(Ops.call(h.get("Job"), Py.box(4))).copy();
        Completion c = new Harness.Driver(worker).drive(PyThread.forCall(worker, fn, job));
        PyTuple r = (PyTuple) ((Completion.Returned) c).value();
        assertThat(r.items[0]).isEqualTo(Boolean.TRUE);
        assertThat(r.items[1]).isEqualTo(Py.box(40));
        assertThat(((PyList) worker.modules.get("__main__").dict.getStr("calls")).size).isEqualTo(1);
        assertThat(((PyList) h.get("calls")).size).isZero();
        // the result travels back and becomes the parent's
        Object back = bridge.unpickle(bridge.pickle(r.items[2]).copy(), h.interp);
        assertThat(((PyInstance) back).type).isSameAs(h.get("Job"));
    }
}
