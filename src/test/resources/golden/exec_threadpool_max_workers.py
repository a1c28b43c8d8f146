# Rule: ThreadPoolExecutor(max_workers=2) runs at most two jobs at a time:
# six 0.2 s sleeps finish in three waves (about 0.2, 0.4, 0.6 s).
import asyncio, time
from concurrent.futures import ThreadPoolExecutor


def job(i, t0):
    time.sleep(0.2)
    return (i, round(time.perf_counter() - t0, 1))


async def main():
    loop = asyncio.get_running_loop()
    t0 = time.perf_counter()
    with ThreadPoolExecutor(max_workers=2) as pool:
        futs = [loop.run_in_executor(pool, job, i, t0) for i in range(6)]
        results = await asyncio.gather(*futs)
    for i, at in results:
        print(f"job {i} finished at {at}")
    print(f"total {time.perf_counter() - t0:.1f}s")


asyncio.run(main())
