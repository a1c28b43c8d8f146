package dev.loopscope.python.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SyntaxProblemTest {

    @Test
    void formatsLikeACompilerWithTheLineAndACaret() {
        ParseResult r = PythonParser.parse("prog.py", "x = 1\nif x > 3\n    pass\n");
        assertThat(r.problems()).hasSize(1);
        assertThat(r.problems().get(0).format()).isEqualTo("""
                prog.py:2:9: SyntaxError: expected ':'
                    if x > 3
                            ^
                """);
    }

    @Test
    void underlinesTheWholeRangeWhenItIsKnown() {
        ParseResult r = PythonParser.parse("prog.py", "def g():\n    f() = 1\n");
        assertThat(r.problems().get(0).format()).isEqualTo("""
                prog.py:2:5: SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?
                    f() = 1
                    ^^^
                """);
    }

    @Test
    void namesTheExceptionClass() {
        ParseResult r = PythonParser.parse("prog.py", "if x:\npass\n");
        SyntaxProblem p = r.problems().get(0);
        assertThat(p.kind()).isEqualTo(SyntaxProblem.Kind.INDENTATION_ERROR);
        assertThat(p.format()).startsWith("prog.py:2:1: IndentationError: expected an indented block after 'if' "
                + "statement on line 1\n");
    }

    @Test
    void formatsARefusalWithTheDocumentation() {
        ParseResult r = PythonParser.parseAndCheck("prog.py", "import numpy\n");
        SyntaxProblem p = r.problems().get(0);
        assertThat(p.format()).isEqualTo("""
                prog.py:1:8: module 'numpy' is not available in Loopscope; see src/docs/python-subset.md
                    import numpy
                           ^^^^^
                """);
        assertThat(p.describe()).isEqualTo(
                "module 'numpy' is not available in Loopscope (line 1, column 8); see src/docs/python-subset.md");
    }

    @Test
    void parsedResultsCarryTheModule() {
        ParseResult r = PythonParser.parse("prog.py", "x = 1\n");
        assertThat(r.ok()).isTrue();
        assertThat(r.module().body()).hasSize(1);
        assertThat(r.problems()).isEmpty();
    }
}
