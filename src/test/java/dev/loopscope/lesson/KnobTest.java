package dev.loopscope.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KnobTest {

    private static final String CODE = """
            import asyncio
            results = await asyncio.gather(*tasks, return_exceptions=False)
            for i in range(4): total = i + 40 + 4
            await asyncio.sleep(0.5)
            """;

    private static Knob knob(Knob.Control control, int line, String literal) {
        return new Knob("k", "Knob", control, line, literal, 1);
    }

    @Test
    void toggleRewritesItsLiteral() {
        Knob toggle = knob(new Knob.Toggle("False", "True"), 2, "False");
        assertThat(toggle.apply(CODE, "True")).isEqualTo(CODE.replace("return_exceptions=False", "return_exceptions=True"));
        assertThat(toggle.apply(CODE, "False")).isEqualTo(CODE);
        assertThat(toggle.mismatch(CODE)).isEmpty();
    }

    @Test
    void literalMustBeAWholeTokenAndUniqueOnItsLine() {
        // "4" occurs in range(4) and at the end, but not as part of 40: two whole tokens, so it is ambiguous.
        assertThat(knob(new Knob.IntegerSpinner(1, 9, 1), 3, "4").mismatch(CODE))
                .contains("knob 'k': literal '4' occurs 2 times on line 3 of the code block, so it is ambiguous");
        assertThat(knob(new Knob.IntegerSpinner(1, 90, 1), 3, "40").apply(CODE, "41"))
                .isEqualTo(CODE.replace("i + 40 + 4", "i + 41 + 4"));
        assertThat(knob(new Knob.FloatSlider(BigDecimal.ZERO, BigDecimal.TEN, new BigDecimal("0.5")), 4, "5")
                .mismatch(CODE)).as("5 inside 0.5 is not a token")
                .contains("knob 'k': literal '5' not found on line 4 of the code block");
        assertThat(knob(new Knob.Toggle("False", "True"), 9, "False").mismatch(CODE))
                .contains("knob 'k': the code block has 4 lines, so there is no line 9");
    }

    @Test
    void applyRefusesValuesTheControlDoesNotAllow() {
        Knob spinner = knob(new Knob.IntegerSpinner(2, 10, 2), 3, "40");
        assertThat(spinner.rejects("12")).contains("knob 'k': 12 is outside 2..10");
        assertThat(spinner.rejects("5")).contains("knob 'k': 5 is not 2 plus a multiple of 2");
        assertThat(spinner.rejects("x")).contains("knob 'k': 'x' is not an integer");
        assertThatThrownBy(() -> spinner.apply(CODE, "12")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("knob 'k': 12 is outside 2..10");
        Knob choice = knob(new Knob.Choice(List.of("'a'", "'b'")), 1, "asyncio");
        assertThat(choice.rejects("'c'")).contains("knob 'k': ''c'' is not one of 'a', 'b'");
        assertThat(knob(new Knob.Toggle("False", "True"), 2, "False").rejects("None"))
                .contains("knob 'k': 'None' is neither False nor True");
    }

    @Test
    void applyRefusesWhenTheLiteralIsGone() {
        Knob toggle = knob(new Knob.Toggle("False", "True"), 2, "False");
        String edited = CODE.replace("return_exceptions=False", "return_exceptions=True");
        assertThatThrownBy(() -> toggle.apply(edited, "True")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("knob 'k': literal 'False' not found on line 2 of the code block");
    }

    @Test
    void floatSliderSnapsToExactDecimals() {
        var slider = new Knob.FloatSlider(new BigDecimal("0.1"), new BigDecimal("2.0"), new BigDecimal("0.1"));
        assertThat(slider.literal(0.30000000000000004)).isEqualTo("0.3");
        assertThat(slider.literal(7)).isEqualTo("2.0");
        assertThat(slider.literal(-1)).isEqualTo("0.1");
        assertThat(slider.rejects("0.3")).isEmpty();
        assertThat(slider.rejects("0.35")).contains("0.35 is not 0.1 plus a multiple of 0.1");
        var spinner = new Knob.IntegerSpinner(1, 9, 2);
        assertThat(spinner.literal(4)).isEqualTo("5");
        assertThat(spinner.literal(100)).isEqualTo("9");
    }

    @Test
    void knobsOnOneLineAreAppliedTogether() {
        String code = "sleep(0.5); gather(return_exceptions=False)\n";
        Knob delay = new Knob("delay", "Delay", new Knob.FloatSlider(BigDecimal.ZERO, BigDecimal.ONE,
                new BigDecimal("0.25")), 1, "0.5", 1);
        Knob errors = new Knob("errors", "Errors", new Knob.Toggle("False", "True"), 1, "False", 2);
        Animation animation = new Animation(LabView.TASKS, List.of(delay, errors));
        assertThat(animation.apply(code, Map.of("delay", "0.75", "errors", "True")))
                .isEqualTo("sleep(0.75); gather(return_exceptions=True)\n");
        assertThatThrownBy(() -> animation.apply(code, Map.of("nope", "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no knob 'nope'");
    }
}
