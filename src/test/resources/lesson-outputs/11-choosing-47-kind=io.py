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
        return await asyncio.sleep(0.3, 'done')
    return work(n)

async def run_all(sizes):
    return await asyncio.gather(*[work_async(n) for n in sizes])

def timed(label, run, one_job):
    start = time.perf_counter()
    results = run()
    jobs = round((time.perf_counter() - start) / one_job)
    print(f'{label}: {results} in the time of {jobs} job{"" if jobs == 1 else "s"}')

if __name__ == "__main__":
    sizes = [3_000_000 for _ in range(JOBS)]
    start = time.perf_counter()
    work(sizes[0])
    one_job = time.perf_counter() - start
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        timed('threads', lambda: list(pool.map(work, sizes)), one_job)
    with ProcessPoolExecutor(max_workers=WORKERS) as pool:
        timed('processes', lambda: list(pool.map(work, sizes)), one_job)
    timed('asyncio', lambda: asyncio.run(run_all(sizes)), one_job)
