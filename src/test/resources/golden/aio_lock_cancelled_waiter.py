# Rule: when the task next in line for an asyncio.Lock is cancelled after release() woke
# it, the lock passes on to the following waiter; the lock is never left locked with
# nobody holding it.
import asyncio


async def holder(lock, name, log):
    await lock.acquire()
    log.append(name)
    try:
        await asyncio.sleep(0.01)
    finally:
        lock.release()


async def main():
    lock = asyncio.Lock()
    log = []
    await lock.acquire()
    a = asyncio.create_task(holder(lock, "a", log))
    b = asyncio.create_task(holder(lock, "b", log))
    await asyncio.sleep(0)
    lock.release()
    a.cancel()
    results = await asyncio.gather(a, b, return_exceptions=True)
    print(log, [type(r).__name__ for r in results], lock.locked())


asyncio.run(main())
