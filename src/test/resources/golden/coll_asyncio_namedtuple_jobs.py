# asyncio producer/consumer passing namedtuple jobs, tallying outcomes with Counter
import asyncio
from collections import namedtuple, Counter, deque
Job = namedtuple("Job", "id cost")
async def producer(q):
    for i in range(6):
        await q.put(Job(i, (i % 3) * 0.1))
    for _ in range(2):
        await q.put(None)
async def consumer(name, q, tally, seen):
    while (job := await q.get()) is not None:
        await asyncio.sleep(job.cost)
        tally["fast" if job.cost < 0.15 else "slow"] += 1
        seen.append((name, job.id))
async def main():
    q = asyncio.Queue(maxsize=2)
    tally = Counter()
    seen = deque(maxlen=4)
    await asyncio.gather(producer(q), consumer("a", q, tally, seen), consumer("b", q, tally, seen))
    print(tally, seen)
    print(Job(1, 2) == (1, 2), Job._make(range(2)))
asyncio.run(main())
