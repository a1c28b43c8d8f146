# Rule: the same three 0.2 s jobs: called directly they run one after the
# other (0.6 s, loop frozen); offloaded with run_in_executor they overlap.
import asyncio, time


def job(i):
    time.sleep(0.2)
    return i * i


async def direct(i):
    return job(i)


async def main():
    loop = asyncio.get_running_loop()
    t0 = time.perf_counter()
    r1 = await asyncio.gather(direct(1), direct(2), direct(3))
    print("direct:", r1, f"{time.perf_counter() - t0:.1f}s")
    t0 = time.perf_counter()
    futs = [loop.run_in_executor(None, job, i) for i in [1, 2, 3]]
    r2 = await asyncio.gather(*futs)
    print("executor:", r2, f"{time.perf_counter() - t0:.1f}s")


asyncio.run(main())
