# Rule: cancelling a task inside an `async with` body: the CancelledError reaches
# __aexit__ (which may still await), the lock is released, and the next waiter gets it;
# cancelling a task that waits in `async with lock` (inside __aenter__) leaves the lock
# to the others.
import asyncio


class Audit:
    async def __aenter__(self):
        print("audit start")

    async def __aexit__(self, exc_type, exc, tb):
        print("audit end with", exc_type.__name__ if exc_type else None)
        await asyncio.sleep(0.01)
        print("audit flushed")


async def job(lock, name, delay):
    async with lock:
        async with Audit():
            print(name, "working")
            await asyncio.sleep(delay)
            print(name, "finished")


async def main():
    lock = asyncio.Lock()
    a = asyncio.create_task(job(lock, "a", 1))
    b = asyncio.create_task(job(lock, "b", 0.1))
    c = asyncio.create_task(job(lock, "c", 0.1))
    await asyncio.sleep(0.1)
    b.cancel()
    a.cancel()
    results = await asyncio.gather(a, b, c, return_exceptions=True)
    print([type(r).__name__ for r in results], lock.locked())


asyncio.run(main())
