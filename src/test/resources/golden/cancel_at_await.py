# Rule: Task.cancel() throws CancelledError into the task at the await where
# it is suspended; code after that await does not run, finally blocks do.
import asyncio


async def worker():
    print("worker: step 1")
    await asyncio.sleep(0)
    print("worker: step 2, now sleeping long")
    try:
        await asyncio.sleep(10)
        print("worker: not reached")
    finally:
        print("worker: finally runs")
    print("worker: not reached either")


async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("main: cancelling, worker done:", t.done())
    print("cancel() returned", t.cancel())
    print("right after cancel: done", t.done(), "cancelled", t.cancelled())
    try:
        await t
    except asyncio.CancelledError:
        print("main: await raised CancelledError")
    print("finally: done", t.done(), "cancelled", t.cancelled())


asyncio.run(main())
