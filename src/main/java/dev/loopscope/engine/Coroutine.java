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

    /** Where it is suspended or was defined ("prog.py:7"), for task reprs; null when unknown. */
    default String location() {
        return null;
    }

    /** True once it has returned or raised. */
    boolean isFinished();
}
