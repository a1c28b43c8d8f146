package dev.loopscope.python.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubsetCheckerTest {

    private static List<SyntaxProblem> problems(String source) {
        return PythonParser.parseAndCheck("prog.py", source).problems();
    }

    @Test
    void acceptsTheWholeSubset() {
        String program = """
                import asyncio, random, time
                import concurrent.futures
                import asyncio as aio
                from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor, as_completed, wait
                from math import sqrt, pi
                from functools import partial
                import threading, os, sys
                counter = 0
                class Base:
                    pass
                class Worker(Base):
                    limit: int = 3
                    def __init__(self, name, *args, delay=0.1, **kwargs):
                        self.name = name
                    def run(self):
                        return [i * i for i in range(self.limit) if i % 2]
                    @property
                    def label(self):
                        return self.name
                    @label.setter
                    def label(self, value):
                        self.name = value
                    @staticmethod
                    def make(*args):
                        return Worker(*args)
                @partial(print, "decorated")
                @Worker.make
                class Registered(Base):
                    pass
                def gen(n):
                    yield from range(n)
                    x = yield
                def outer():
                    total = 0
                    def inner(a, b=2, /, c=3, *, d):
                        nonlocal total
                        global counter
                        total += a
                        counter += 1
                        return total
                    return inner
                def blocking(n):
                    time.sleep(0.1)
                    return n
                async def job(i):
                    await asyncio.sleep(random.random())
                    if i == 2:
                        raise ValueError('boom')
                    elif i > 5:
                        raise RuntimeError("x") from None
                    else:
                        pass
                    return i
                async def main():
                    loop = asyncio.get_running_loop()
                    tasks = [asyncio.create_task(job(i)) for i in range(4)]
                    try:
                        results = await asyncio.gather(*tasks, return_exceptions=True)
                    except (ValueError, KeyError) as e:
                        print('caught', e)
                    except Exception:
                        raise
                    else:
                        print(f"{results!r:>20} {len(results)=}")
                    finally:
                        print("done")
                    with ThreadPoolExecutor(max_workers=2) as pool:
                        r = await loop.run_in_executor(pool, lambda: blocking(1))
                    async with asyncio.Lock() as held, asyncio.Semaphore(2):
                        pass
                    first, *rest = [1, 2, 3]
                    d = {k: v for k, v in zip("ab", (1, 2))}
                    s = {x for x in rest}
                    g = sum(x for x in rest)
                    while (n := len(rest)) > 0:
                        rest.pop()
                        if n == 1:
                            break
                        continue
                    else:
                        pass
                    for i in range(3):
                        pass
                    else:
                        pass
                    del d["a"], first
                    assert n == 0, "empty"
                    a = b = 7 // 2 ** 3 % 5 << 1 >> 1 & 3 | 4 ^ 1
                    a += 1
                    return -a if a else ~b
                asyncio.run(main())
                """;
        assertThat(problems(program)).isEmpty();
    }

    @Test
    void aClassMadeByNamedtupleCannotBeExtended() {
        List<SyntaxProblem> problems = problems("""
                from collections import namedtuple
                Point = namedtuple('Point', 'x y')
                class Point3(Point):
                    pass
                """);
        assertThat(problems).extracting(SyntaxProblem::line, SyntaxProblem::column, SyntaxProblem::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, 14,
                        "subclasses of a `namedtuple` class are not supported by Loopscope"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            import numpy                                   | module 'numpy' is not available in Loopscope | 1 | 8
            import os.path                                 | module 'os.path' is not available in Loopscope | 1 | 8
            from numpy import array                        | module 'numpy' is not available in Loopscope | 1 | 1
            from asyncio import subprocess_exec            | 'subprocess_exec' from module 'asyncio' is not available in Loopscope | 1 | 21
            from asyncio import *                          | `from asyncio import *` is not supported by Loopscope: import the names you use | 1 | 21
            from . import helper                           | relative imports are not supported by Loopscope: a program is a single file | 1 | 1
            x = 1j                                         | complex numbers (imaginary literals such as `1j`) are not supported by Loopscope | 1 | 5
            x = b'data'                                    | bytes literals are not supported by Loopscope | 1 | 5
            x = a @ b                                      | the `@` operator (matrix multiplication) is not supported by Loopscope | 1 | 5
            a @= b                                         | the `@=` operator (matrix multiplication) is not supported by Loopscope | 1 | 1
            type Pair = tuple[int, int]                    | `type` statements (type aliases) are not supported by Loopscope | 1 | 1
            def first[T](xs): return xs[0]                 | type parameters (`def f[T]`, `class C[T]`) are not supported by Loopscope | 1 | 1
            class Box[T]: pass                             | type parameters (`def f[T]`, `class C[T]`) are not supported by Loopscope | 1 | 1
            class C(metaclass=M): pass                     | `metaclass=` in a class definition is not supported by Loopscope | 1 | 9
            class C(A, flag=True): pass                    | keyword arguments in a class definition are not supported by Loopscope | 1 | 12
            class Name(str): pass                          | subclasses of `str` are not supported by Loopscope (subclass `object`, `list`, `dict` or `set` instead) | 1 | 12
            class P(Base, tuple): pass                     | subclasses of `tuple` are not supported by Loopscope (subclass `object`, `list`, `dict` or `set` instead) | 1 | 15
            class Meta(type): pass                         | metaclasses (subclasses of `type`) are not supported by Loopscope | 1 | 12
            class Q(deque): pass                           | subclasses of `collections.deque` are not supported by Loopscope | 1 | 9
            class Q(collections.deque): pass               | subclasses of `collections.deque` are not supported by Loopscope | 1 | 9
            class P(namedtuple('P', 'x y')): pass          | subclasses of a `namedtuple` class are not supported by Loopscope | 1 | 9
            """)
    void refusesOneConstruct(String source, String message, int line, int column) {
        List<SyntaxProblem> problems = problems(source + "\n");
        assertThat(problems).hasSize(1);
        SyntaxProblem p = problems.get(0);
        assertThat(p.kind()).isEqualTo(SyntaxProblem.Kind.UNSUPPORTED);
        assertThat(p.message()).isEqualTo(message);
        assertThat(p.line()).isEqualTo(line);
        assertThat(p.column()).isEqualTo(column);
        assertThat(p.describe()).isEqualTo(message + " (line " + line + ", column " + column
                + "); see src/docs/python-subset.md");
    }

    @Test
    void refusesBlockConstructsWithTheirPositions() {
        String program = """
                import asyncio
                @staticmethod
                def f():
                    pass
                @f
                class P:
                    x: int = 0
                async def main(stream, lock):
                    async for item in stream:
                        pass
                    async with lock:
                        pass
                    values = [x async for x in stream]
                    yield 1
                try:
                    pass
                except* ValueError:
                    pass
                match command:
                    case "go":
                        pass
                """;
        List<SyntaxProblem> problems = problems(program);
        assertThat(problems).extracting(p -> p.line() + ":" + p.column() + " " + p.message()).containsExactly(
                "19:1 `match` statements are not supported by Loopscope");
        assertThat(problems).allMatch(SyntaxProblem::isUnsupported);
    }

    @Test
    void acceptsAsynchronousIterationAndGenerators() {
        assertThat(problems("""
                async def ticks(n):
                    for i in range(n):
                        yield i
                        await sleep(0)
                def later(xs):
                    return (x async for x in ticks(xs)), (await f(x) for x in xs)
                async def main(xs):
                    g = (await f(x) for x in xs)
                    h = ([await f(x)] for x in xs)
                    ok = [await f(x) for x in xs], (x for x in await xs)
                    async for item in ticks(3):
                        pass
                    values = [x async for x in ticks(2)], {x: x async for x in g}, {x async for x in h}
                """)).isEmpty();
    }

    @Test
    void reportsEveryRefusalNotOnlyTheFirst() {
        List<SyntaxProblem> problems = problems("import numpy\nimport pandas\nx = 1j + 2j\n");
        assertThat(problems).extracting(SyntaxProblem::message).containsExactly(
                "module 'numpy' is not available in Loopscope",
                "module 'pandas' is not available in Loopscope",
                "complex numbers (imaginary literals such as `1j`) are not supported by Loopscope",
                "complex numbers (imaginary literals such as `1j`) are not supported by Loopscope");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            return 1                                     | 'return' outside function | 1 | 1
            yield 1                                      | 'yield' outside function | 1 | 1
            class C:\\n    yield 1                       | 'yield' outside function | 2 | 5
            await x                                      | 'await' outside function | 1 | 1
            def f():\\n    await x                       | 'await' outside async function | 2 | 5
            async def f():\\n    g = lambda: await x     | 'await' outside async function | 2 | 17
            break                                        | 'break' outside loop | 1 | 1
            continue                                     | 'continue' not properly in loop | 1 | 1
            while x:\\n    def f():\\n        break      | 'break' outside loop | 3 | 9
            nonlocal x                                   | nonlocal declaration not allowed at module level | 1 | 1
            def f(a, a): pass                            | duplicate argument 'a' in function definition | 1 | 10
            def f():\\n    x = [await z for z in w]     | asynchronous comprehension outside of an asynchronous function | 2 | 9
            x = [i async for i in y]                     | asynchronous comprehension outside of an asynchronous function | 1 | 5
            def f():\\n    x = [[await z for z in w] for q in r] | asynchronous comprehension outside of an asynchronous function | 2 | 9
            def f():\\n    x = [z for z in await w]     | 'await' outside async function | 2 | 21
            f = lambda: [await x for x in y]             | asynchronous comprehension outside of an asynchronous function | 1 | 13
            f = lambda a, *a: 0                          | duplicate argument 'a' in function definition | 1 | 16
            def g(a, *, b, **b): pass                    | duplicate argument 'b' in function definition | 1 | 18
            f(a=1, a=2)                                  | keyword argument repeated: a | 1 | 8
            f(**k, a=1, a=3)                             | keyword argument repeated: a | 1 | 13
            class C(x=1, x=2): pass                      | keyword argument repeated: x | 1 | 14
            async def f():\\n    yield from g()         | 'yield from' inside async function | 2 | 5
            *a = x                                       | starred assignment target must be in a list or tuple | 1 | 1
            *a, *b = x                                   | multiple starred expressions in assignment | 1 | 5
            x = *a                                       | can't use starred expression here | 1 | 5
            def f():\\n    [(yield) for x in y]          | 'yield' inside list comprehension | 2 | 7
            """)
    void reportsCompileTimeErrorsLikeCPython(String source, String message, int line, int column) {
        List<SyntaxProblem> problems = problems(source.replace("\\n", "\n") + "\n");
        assertThat(problems).hasSize(1);
        SyntaxProblem p = problems.get(0);
        assertThat(p.kind()).isEqualTo(SyntaxProblem.Kind.SYNTAX_ERROR);
        assertThat(p.message()).isEqualTo(message);
        assertThat(p.line()).isEqualTo(line);
        assertThat(p.column()).isEqualTo(column);
    }

    @Test
    void awaitInsideAsyncFunctionsAndTheirComprehensionsIsFine() {
        assertThat(problems("""
                async def f(xs):
                    a = [await g(x) for x in xs]
                    return await h(a)
                """)).isEmpty();
    }

    @Test
    void supportedModulesTableListsTheCoreModules() {
        assertThat(SupportedModules.names()).contains("asyncio", "time", "random", "concurrent.futures", "math",
                "threading", "os", "sys", "functools");
        assertThat(SupportedModules.find("asyncio").orElseThrow().allows("gather")).isTrue();
        assertThat(SupportedModules.find("os").orElseThrow().names()).containsKeys("cpu_count", "getpid");
        assertThat(SupportedModules.find("numpy")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            break\\ndef f(a, a): pass                      | duplicate argument 'a' in function definition | 2 | 10
            break\\ndef f():\\n    print(x)\\n    global x | name 'x' is used prior to global declaration | 4 | 5
            return 1\\nx = [(yield) for y in z]           | 'yield' inside list comprehension | 2 | 7
            def f():\\n    await x\\nnonlocal y            | nonlocal declaration not allowed at module level | 3 | 1
            break\\nyield 1                               | 'break' outside loop | 1 | 1
            import numpy\\ndef f(a, a): pass               | duplicate argument 'a' in function definition | 2 | 10
            break\\ndef f():\\n    from os import *       | import * only allowed at module level | 3 | 20
            """)
    void symbolTableErrorsComeBeforeCompilerErrorsAndRefusals(String source, String message, int line, int column) {
        var result = dev.loopscope.python.PythonProgram.compile("prog.py", source.replace("\\n", "\n") + "\n");
        assertThat(result).isInstanceOf(dev.loopscope.python.PythonProgram.CompileResult.Failed.class);
        List<SyntaxProblem> problems = ((dev.loopscope.python.PythonProgram.CompileResult.Failed) result).problems();
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).message()).isEqualTo(message);
        assertThat(problems.get(0).line() + ":" + problems.get(0).column()).isEqualTo(line + ":" + column);
    }
}
