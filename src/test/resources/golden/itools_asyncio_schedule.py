# asyncio: a round-robin scheduler with cycle and a priority heap of timed events
import asyncio, itertools, heapq

async def worker(name, jobs):
    for job in jobs:
        await asyncio.sleep(job)
        print(f"{name} finished job of {job}s")
    return name

async def main():
    names = itertools.cycle(["w1", "w2", "w3"])
    buckets = {}
    for job, name in zip([0.3, 0.1, 0.2, 0.4, 0.1, 0.05, 0.2], names):
        buckets.setdefault(name, []).append(job)
    print(buckets)
    done = await asyncio.gather(*(worker(n, j) for n, j in buckets.items()))
    print(done)
    events = []
    counter = itertools.count()
    for when, what in [(0.3, "c"), (0.1, "a"), (0.2, "b"), (0.1, "a2")]:
        heapq.heappush(events, (when, next(counter), what))
    loop = asyncio.get_running_loop()
    start = loop.time()
    while events:
        when, _, what = heapq.heappop(events)
        await asyncio.sleep(max(0, when - (loop.time() - start)))
        print(f"event {what} at {round(loop.time() - start, 1)}")

asyncio.run(main())
