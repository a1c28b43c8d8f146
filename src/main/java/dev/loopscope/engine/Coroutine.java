package dev.loopscope.engine;

/**
 * A coroutine object as the engine drives it: a Python {@code async def} call from the front end, or one
 * of the engine's own library coroutines such as {@code asyncio.sleep}.
 */
public interface Coroutine {

    /**
     * An activity that resumes the coroutine: {@code Returned(v)} sends {@code v}, {@code Raised(e)} throws
     * {@code e} in at the current await (or at the very start when the coroutine has not run yet). The
     * activity is done with {@code Yielded}, {@code Returned} or {@code Raised}.
     */
    Activity resume(Completion input);

    /** The coroutine's qualified name, as in {@code <coroutine object main at ...>}. */
    String qualName();

    /**
     * How asyncio describes it inside a task's repr: {@code main() running at prog.py:7} while it has a frame,
     * {@code main() done, defined at prog.py:5} once finished.
     */
    default String describe() {
        return qualName() + (isFinished() ? "() done" : "() running");
    }

    /** {@link #describe()} for a coroutine that may live in CPython's library, whose path {@code py} knows. */
    default String describe(PythonBridge py) {
        return describe();
    }

    /** {@link #describeClosed()} with library paths from {@code py}. */
    default String describeClosed(PythonBridge py) {
        return describeClosed();
    }

    /** How asyncio describes it once it has been closed (as the garbage collector closes it before its task). */
    default String describeClosed() {
        return qualName() + "() done";
    }

    /** True while nothing has resumed it yet (it was never awaited nor run by a task). */
    default boolean neverStarted() {
        return false;
    }

    /** True once it has returned or raised. */
    boolean isFinished();

    /**
     * Whether asyncio takes it for a coroutine ({@code asyncio.iscoroutine}, {@code create_task}): generators and
     * async generators of the front end are not.
     */
    default boolean isCoroutineObject() {
        return true;
    }
}
