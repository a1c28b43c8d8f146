import asyncio, time
from concurrent.futures import ThreadPoolExecutor
def blocking(n):
    time.sleep(1); return f"done {n!r:>5} {n=}"

async def main():
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=2) as pool:
        futs = [loop.run_in_executor(pool, blocking, i) for i in range(3)]
        for r in await asyncio.gather(*futs, return_exceptions=True):
            print(r)
    print(await loop.run_in_executor(None, lambda: blocking(9)))
asyncio.run(main())
