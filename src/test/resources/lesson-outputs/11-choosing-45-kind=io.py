import asyncio, time
from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor

KIND = 'io'
JOBS = 2
WORKERS = 2

def work(n):
    if KIND == 'io':
        time.sleep(0.3)
        return 'done'
    total = 0
    for i in range(n):
        total += i % 7
    return total

async def work_async(n):
    if KIND == 'io':
        await asyncio.sleep(0.3)
        return 'done'
    return work(n)

async def run_all(sizes):
    return await asyncio.gather(*[work_async(n) for n in sizes])

def show(label, results, start):
    print(f'{label}: {results} in {time.perf_counter() - start:.1f}s')

def in_pool(label, pool, sizes):
    with pool:
        start = time.perf_counter()
        results = [r for r in pool.map(work, sizes)]
        show(label, results, start)

if __name__ == "__main__":
    sizes = [3_000_000 for _ in range(JOBS)]
    in_pool('threads', ThreadPoolExecutor(max_workers=WORKERS), sizes)
    in_pool('processes', ProcessPoolExecutor(max_workers=WORKERS), sizes)
    start = time.perf_counter()
    show('asyncio', asyncio.run(run_all(sizes)), start)
