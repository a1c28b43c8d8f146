# Rule: a bounded asyncio.Queue hands items over through futures: a get() blocked on an
# empty queue resumes one loop iteration after put_nowait() completes its future, and a
# put() blocked on a full queue resumes one iteration after a get() frees a slot; join()
# returns once task_done() has been called for every item.
import asyncio

ticks = 0


async def ticker():
    global ticks
    while True:
        ticks += 1
        await asyncio.sleep(0)


async def producer(q, n):
    for i in range(n):
        print(f"tick {ticks}: producer puts {i} (size {q.qsize()}, full {q.full()})")
        await q.put(i)
    print(f"tick {ticks}: producer puts None")
    await q.put(None)
    print(f"tick {ticks}: producer done")


async def consumer(q):
    while True:
        print(f"tick {ticks}: consumer waits (size {q.qsize()}, empty {q.empty()})")
        item = await q.get()
        print(f"tick {ticks}: consumer got {item}")
        q.task_done()
        if item is None:
            return "consumer finished"


async def main():
    t = asyncio.create_task(ticker())
    q = asyncio.Queue(maxsize=2)
    print(q, q.maxsize)
    c = asyncio.create_task(consumer(q))
    p = asyncio.create_task(producer(q, 4))
    await q.join()
    print(f"tick {ticks}: join returned, {q}")
    print(await c, await p)
    t.cancel()


asyncio.run(main())
