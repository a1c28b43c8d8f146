# Rule: a long sum() over a generator expression in a worker thread does not
# starve the event loop: the GIL changes hands every 5 ms inside the sum, so a
# heartbeat coroutine that sleeps 10 ms keeps ticking with short gaps.
import asyncio
import time

N = 8_500_000


def crunch():
    return sum(i * 3 for i in range(N))


async def heartbeat(stamps):
    while True:
        await asyncio.sleep(0.01)
        stamps.append(time.perf_counter())


async def main():
    loop = asyncio.get_running_loop()
    stamps = [time.perf_counter()]
    beat = asyncio.create_task(heartbeat(stamps))
    t0 = time.perf_counter()
    result = await loop.run_in_executor(None, crunch)
    elapsed = time.perf_counter() - t0
    beat.cancel()
    gaps = [b - a for a, b in zip(stamps, stamps[1:])]
    print("result:", result)
    print("the sum took about", round(elapsed, 1), "s")
    print("heartbeat ticked more than 10 times:", len(gaps) > 10)
    print("largest gap between ticks:", round(max(gaps), 1), "s")
    print("largest gap under 50 ms:", max(gaps) < 0.05)


asyncio.run(main())
