# priority queue with producers and consumers, get blocking until items arrive
import asyncio

async def producer(q, items, delay):
    for prio, text in items:
        await asyncio.sleep(delay)
        await q.put((prio, text))
        print(f"put {prio} {text} size={q.qsize()}")

async def consumer(q, n):
    got = []
    for _ in range(n):
        got.append(await q.get())
        await asyncio.sleep(0.22)
    return got

async def main():
    q = asyncio.PriorityQueue(maxsize=2)
    p1 = producer(q, [(5, "low"), (1, "urgent"), (3, "mid")], 0.1)
    p2 = producer(q, [(2, "high"), (4, "meh")], 0.17)
    _, _, got = await asyncio.gather(p1, p2, consumer(q, 5))
    print(got)
    print(isinstance(q, asyncio.Queue), type(q).__name__, asyncio.LifoQueue.__mro__[1].__name__)

asyncio.run(main())
