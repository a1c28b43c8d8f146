# Rule: `async with` on asyncio.Semaphore limits how many tasks run the body at once; a
# body that raises still releases its permit through __aexit__; BoundedSemaphore works the
# same way; elapsed virtual time shows the batches.
import asyncio
import time


def state(primitive):
    """The bracketed state at the end of an asyncio primitive's repr (its address varies)."""
    text = repr(primitive)
    return text[text.index("["):]


sem = asyncio.Semaphore(2)


async def download(i):
    async with sem:
        print(f"{time.perf_counter() - start:.1f}s start {i}")
        await asyncio.sleep(0.5)
        if i == 2:
            raise ConnectionError(f"download {i} failed")
        print(f"{time.perf_counter() - start:.1f}s end {i}")
        return i


async def main():
    results = await asyncio.gather(*(download(i) for i in range(5)), return_exceptions=True)
    print(results)
    print(state(sem))
    bounded = asyncio.BoundedSemaphore(1)
    async with bounded:
        print("inside", bounded.locked())
    print("outside", bounded.locked())
    try:
        bounded.release()
    except ValueError as e:
        print("ValueError:", e)


start = time.perf_counter()
asyncio.run(main())
