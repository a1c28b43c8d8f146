# Rule: wait_for returns the result when the awaitable finishes before the
# timeout; the pending timeout is dropped and nothing is cancelled.
import asyncio


async def fetch(x, d):
    await asyncio.sleep(d)
    return x * 2


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    r = await asyncio.wait_for(fetch(21, 0.1), timeout=1)
    print("result", r, f"after {loop.time() - t0:.1f}s")
    for d in [0.01, 0.3, 0.04]:
        try:
            v = await asyncio.wait_for(fetch(d, d), timeout=0.15)
            print(f"d={d}: got {v}")
        except TimeoutError:
            print(f"d={d}: timed out")
    print(f"total {loop.time() - t0:.1f}s")


asyncio.run(main())
