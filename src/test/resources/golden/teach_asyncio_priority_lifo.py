# asyncio.PriorityQueue job scheduler and LifoQueue undo stack
import asyncio
import random

class Job:
    def __init__(self, name, cost):
        self.name = name
        self.cost = cost
    def __repr__(self):
        return f"Job({self.name})"

async def scheduler(q, log):
    while True:
        prio, seq, job = await q.get()
        await asyncio.sleep(job.cost)
        log.append((prio, job.name))
        q.task_done()

async def main():
    random.seed(21)
    q = asyncio.PriorityQueue()
    for seq, name in enumerate(["build", "test", "lint", "deploy", "docs", "bench"]):
        q.put_nowait((random.randint(1, 3), seq, Job(name, 0.01)))
    print(q)
    print(q.qsize(), q.empty())
    log = []
    worker = asyncio.create_task(scheduler(q, log))
    await q.join()
    worker.cancel()
    print(log)
    undo = asyncio.LifoQueue(maxsize=3)
    for action in ["type a", "type b", "delete"]:
        await undo.put(action)
    print(undo, undo.full())
    try:
        undo.put_nowait("extra")
    except asyncio.QueueFull:
        print("undo stack full")
    while not undo.empty():
        print("undo", await undo.get())
    bad = asyncio.PriorityQueue()
    bad.put_nowait(Job("x", 1))
    bad.put_nowait(Job("y", 1))

asyncio.run(main())
