# Rule: lesson-11 style: the same eight 0.2 s I/O waits done sequentially,
# with threads and with asyncio tasks; threads and asyncio overlap them.
import asyncio, time
from concurrent.futures import ThreadPoolExecutor


def fetch_blocking(i):
    time.sleep(0.2)
    return i


async def fetch_async(i):
    await asyncio.sleep(0.2)
    return i


async def all_async():
    return await asyncio.gather(*[fetch_async(i) for i in range(8)])


t0 = time.perf_counter()
r1 = [fetch_blocking(i) for i in range(8)]
print("sequential", r1, f"{time.perf_counter() - t0:.1f}s")
t0 = time.perf_counter()
with ThreadPoolExecutor(max_workers=8) as ex:
    r2 = [r for r in ex.map(fetch_blocking, range(8))]
print("threads   ", r2, f"{time.perf_counter() - t0:.1f}s")
t0 = time.perf_counter()
r3 = asyncio.run(all_async())
print("asyncio   ", r3, f"{time.perf_counter() - t0:.1f}s")
