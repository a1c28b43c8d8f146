package dev.loopscope.python.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopscope.python.PythonProgram;
import dev.loopscope.python.syntax.SyntaxProblem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SyntaxErrors CPython 3.12's compiler (not its parser) raises, with their positions. */
class CompileErrorsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            return 1|'return' outside function|1 1 1 9
            def f():\\n    yield 1\\nclass A:\\n    yield 2|'yield' outside function|4 5 4 12
            break|'break' outside loop|1 1 1 6
            continue|'continue' not properly in loop|1 1 1 9
            for i in x:\\n    pass\\nelse:\\n    break|'break' outside loop|4 5 4 10
            def f():\\n    nonlocal x|no binding for nonlocal 'x' found|2 5 2 15
            nonlocal x|nonlocal declaration not allowed at module level|1 1 1 11
            def f(x):\\n    global x|name 'x' is parameter and global|2 5 2 13
            def f():\\n    x = 1\\n    global x|name 'x' is assigned to before global declaration|3 5 3 13
            def f():\\n    print(x)\\n    global x|name 'x' is used prior to global declaration|3 5 3 13
            async def f():\\n    yield 1\\n    return 2|'return' with value in async generator|3 5 3 13
            def f():\\n    await x|'await' outside async function|2 5 2 12
            await x|'await' outside function|1 1 1 8
            def f():\\n    async with x:\\n        pass|'async with' outside async function|2 5 3 13
            def f():\\n    async for a in b:\\n        pass|'async for' outside async function|2 5 3 13
            x = [(yield 1) for i in range(3)]|'yield' inside list comprehension|1 7 1 14
            class A:\\n    [y := 1 for i in range(3)]|assignment expression within a comprehension cannot be used in a class body|2 6 2 7
            try:\\n    pass\\nexcept:\\n    pass\\nexcept ValueError:\\n    pass|default 'except:' must be last|3 1 4 9
            async def f():\\n    yield from x|'yield from' inside async function|2 5 2 17
            a, *b, *c = d|multiple starred expressions in assignment|1 1 1 10
            """)
    void compileTimeErrorsMatchCPython(String source, String message, String position) {
        String src = source.replace("\\n", "\n");
        PythonProgram.CompileResult r = PythonProgram.compile("prog.py", src, false);
        assertThat(r).isInstanceOf(PythonProgram.CompileResult.Failed.class);
        SyntaxProblem p = ((PythonProgram.CompileResult.Failed) r).problems().get(0);
        assertThat(p.message()).isEqualTo(message);
        assertThat(p.line() + " " + p.column() + " " + p.endLine() + " " + p.endColumn()).isEqualTo(position);
    }
}
