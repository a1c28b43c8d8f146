package dev.loopscope.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopscope.lesson.Knob;
import dev.loopscope.ui.lesson.LessonLibrary;
import dev.loopscope.ui.lesson.Program;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BlockingVariantsTest {

    private static final Program TEN = Program.of(new LessonLibrary().load().lesson("10").orElseThrow()).orElseThrow();

    @Test
    void theSwitchIsTheOffloadToggle() {
        Knob k = BlockingVariants.switchKnob(TEN).orElseThrow();
        assertThat(k.id()).isEqualTo("offload");
        assertThat(k.control()).isEqualTo(new Knob.Toggle("False", "True"));
    }

    @Test
    void bothVariantsKeepTheOtherKnobs() {
        Map<String, String> values = Map.of("offload", "False", "seconds", "2.0", "ticks", "12");
        String current = TEN.codeWith(values);
        BlockingVariants.Pair pair = BlockingVariants.of(TEN, current, values);
        assertThat(pair.blocking()).isEqualTo(current);
        assertThat(pair.offloaded()).isEqualTo(TEN.codeWith(Map.of("offload", "True", "seconds", "2.0", "ticks", "12")));
        assertThat(pair.editsDropped()).isFalse();
        assertThat(BlockingVariants.offloaded(TEN, values)).isFalse();
        assertThat(BlockingVariants.offloaded(TEN, Map.of("offload", "True"))).isTrue();
    }

    @Test
    void theLearnersEditsAreInBothVariants() {
        String edited = TEN.source().replace("return 'report'", "return 'edited'");
        BlockingVariants.Pair pair = BlockingVariants.of(TEN, edited, TEN.defaults());
        assertThat(pair.blocking()).contains("return 'edited'").contains("OFFLOAD = False");
        assertThat(pair.offloaded()).contains("return 'edited'").contains("OFFLOAD = True");
    }

    @Test
    void withoutASwitchBothAreTheSame() {
        Program file = Program.ofFile("a.py", "print(1)\n");
        assertThat(BlockingVariants.of(file, "print(1)\n", Map.of()))
                .isEqualTo(new BlockingVariants.Pair("print(1)\n", "print(1)\n", false));
    }
}
