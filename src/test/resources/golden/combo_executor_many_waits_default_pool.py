# Rule: the default executor has min(32, cpu_count + 4) workers; twelve
# 0.2 s blocking jobs on a 2-core machine (6 workers) need two waves.
import asyncio, time


def wait_a_bit(i, t0):
    time.sleep(0.2)
    return round(time.perf_counter() - t0, 1)


async def main():
    loop = asyncio.get_running_loop()
    t0 = time.perf_counter()
    times = await asyncio.gather(*[loop.run_in_executor(None, wait_a_bit, i, t0) for i in range(12)])
    print(times)
    print(f"total {time.perf_counter() - t0:.1f}s")


asyncio.run(main())
