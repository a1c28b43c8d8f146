package dev.loopscope.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopscope.engine.trace.Trace;
import org.junit.jupiter.api.Test;

class LoopOrderTest {

    private static Trace run(Script main) {
        return JavaProgram.run(Settings.defaults().withoutOverheads(), main);
    }

    @Test
    void tasksStartInCreationOrderAfterTheCreatorYields() {
        Script a = Script.define("a", s -> s.print("a1").sleep(0).print("a2"));
        Script b = Script.define("b", s -> s.print("b1").sleep(0).print("b2"));
        Script main = Script.define("main", s -> s
                .createTask("t1", v -> a.call())
                .createTask("t2", v -> b.call())
                .print("main")
                .awaitVar("t1", null)
                .awaitVar("t2", null)
                .print("end"));
        Trace t = run(main);
        assertThat(t.stdout()).isEqualTo("main\na1\nb1\na2\nb2\nend\n");
        assertThat(t.exitCode()).isZero();
    }
}
