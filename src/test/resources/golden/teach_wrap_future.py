# wrap_future: awaiting concurrent futures from a coroutine
import asyncio
from concurrent.futures import ThreadPoolExecutor
import time

def blocking(n):
    time.sleep(0.1 * n)
    if n == 3:
        raise ValueError("three is not allowed")
    return n * n

async def main():
    with ThreadPoolExecutor(2) as pool:
        cfs = [pool.submit(blocking, n) for n in (1, 2, 3)]
        wrapped = [asyncio.wrap_future(f) for f in cfs]
        print(asyncio.isfuture(wrapped[0]), asyncio.isfuture(cfs[0]))
        res = await asyncio.gather(*wrapped, return_exceptions=True)
        print(res)
        same = asyncio.get_running_loop().create_future()
        print(asyncio.wrap_future(same) is same)
        later = pool.submit(blocking, 5)
        w = asyncio.wrap_future(later)
        await asyncio.sleep(0.05)
        w.cancel()
        await asyncio.sleep(0)
        print("concurrent future cancelled:", later.cancelled(), later.running())
    print(await asyncio.wrap_future(cfs[2]))

asyncio.run(main())
