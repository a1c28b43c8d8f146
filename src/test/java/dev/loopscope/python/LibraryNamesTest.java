package dev.loopscope.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopscope.run.PythonRunner;
import dev.loopscope.python.syntax.SyntaxProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class LibraryNamesTest {

    private static List<SyntaxProblem> problems(String source) {
        return PythonRunner.compile("prog.py", source) instanceof PythonProgram.CompileResult.Failed f
                ? f.problems() : List.of();
    }

    @Test
    void aLibraryNameLoopscopeDoesNotProvideIsRefusedBeforeRunning() {
        List<SyntaxProblem> p = problems("""
                import asyncio
                import concurrent.futures as cf
                from asyncio import Runner
                async def main():
                    q = asyncio.NoSuchThing()
                    ex = cf.NoSuchExecutor()
                asyncio.run(main())
                """);
        assertThat(p).extracting(SyntaxProblem::line, SyntaxProblem::column, SyntaxProblem::describe).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, 21, "'Runner' from module 'asyncio' is not available in "
                        + "Loopscope (line 3, column 21); see src/docs/python-subset.md"),
                org.assertj.core.groups.Tuple.tuple(5, 9, "`asyncio.NoSuchThing` is not available in Loopscope "
                        + "(line 5, column 9); see src/docs/python-subset.md"),
                org.assertj.core.groups.Tuple.tuple(6, 10, "`concurrent.futures.NoSuchExecutor` is not available in "
                        + "Loopscope (line 6, column 10); see src/docs/python-subset.md"));
        assertThat(p).allMatch(SyntaxProblem::isUnsupported);
    }

    @Test
    void collectionsNamesLoopscopeLacksAreRefused() {
        List<SyntaxProblem> p = problems("""
                import collections
                from collections import deque, ChainMap
                m = collections.UserDict()
                q = collections.deque()
                """);
        assertThat(p).extracting(SyntaxProblem::line, SyntaxProblem::column, SyntaxProblem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, 32, "'ChainMap' from module 'collections' is not available in "
                        + "Loopscope"),
                org.assertj.core.groups.Tuple.tuple(3, 5, "`collections.UserDict` is not available in Loopscope"));
    }

    @Test
    void namesReachedThroughGetattrOrImportAreCheckedToo() {
        List<SyntaxProblem> p = problems("""
                import asyncio as aio
                cond = getattr(aio, "Runner", None)
                ok = hasattr(aio, "Lock") and getattr(aio, "sleep")
                print(hasattr(aio, "eager_task_factory"), __import__("json"), __import__("time"))
                """);
        assertThat(p).extracting(SyntaxProblem::line, SyntaxProblem::column, SyntaxProblem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, 8, "`asyncio.Runner` is not available in Loopscope"),
                org.assertj.core.groups.Tuple.tuple(4, 7, "`asyncio.eager_task_factory` is not available in Loopscope"),
                org.assertj.core.groups.Tuple.tuple(4, 54, "module 'json' is not available in Loopscope"));
        assertThat(p).allMatch(SyntaxProblem::isUnsupported);
    }

    @Test
    void builtinsLoopscopeLacksAreRefusedUnlessTheProgramDefinesThem() {
        List<SyntaxProblem> p = problems("""
                with open("data.txt") as f:
                    code = compile(f.read(), "x", "exec")
                def help(topic):
                    return topic
                print(help("x"), [memoryview for memoryview in range(2)])
                """);
        assertThat(p).extracting(SyntaxProblem::line, SyntaxProblem::column, SyntaxProblem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, 6, "the builtin `open` is not available in Loopscope"),
                org.assertj.core.groups.Tuple.tuple(2, 12, "the builtin `compile` is not available in Loopscope"));
    }

    @Test
    void whatTheLibraryProvidesIsAccepted() {
        assertThat(problems("""
                import asyncio, time, random
                import concurrent.futures
                from concurrent.futures import ThreadPoolExecutor
                async def main():
                    loop = asyncio.get_running_loop()
                    t = asyncio.create_task(asyncio.sleep(0))
                    await asyncio.wait_for(t, 1)
                    print(time.perf_counter() >= 0, random.random() < 1, asyncio.CancelledError)
                    with concurrent.futures.ThreadPoolExecutor(2) as ex:
                        await loop.run_in_executor(ex, time.sleep, 0.1)
                asyncio.run(main())
                """)).isEmpty();
    }
}
