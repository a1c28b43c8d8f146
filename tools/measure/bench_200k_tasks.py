"""200,000-task benchmark: create 200k tasks that each yield twice, gather them.

Run:  /usr/bin/time -v python3.X tools/measure/bench_200k_tasks.py
Prints the wall time of asyncio.run(main()) and the peak RSS seen by
resource.getrusage (ru_maxrss, KiB on Linux) so it also works without
/usr/bin/time.
"""
import asyncio
import resource
import sys
import time


async def t():
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    return 1


async def main():
    tasks = [asyncio.create_task(t()) for _ in range(200_000)]
    results = await asyncio.gather(*tasks)
    return sum(results)


if __name__ == "__main__":
    t0 = time.perf_counter()
    c0 = time.process_time()
    total = asyncio.run(main())
    wall = time.perf_counter() - t0
    cpu = time.process_time() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"python {sys.version.split()[0]} sum={total} asyncio.run {wall:.3f} s wall, {cpu:.3f} s CPU, peak RSS {peak / 1024:.1f} MiB")
