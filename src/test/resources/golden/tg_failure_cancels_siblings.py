# When a task of a TaskGroup fails, the group cancels the other tasks (their except/finally blocks run) and the
# body; leaving the block raises ExceptionGroup("unhandled errors in a TaskGroup"), printed uncaught in
# CPython's boxed format with the taskgroups.py line that raises it.
import asyncio


async def slow(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
    finally:
        print(name, "cleanup")


async def fail_after(n):
    for _ in range(n):
        await asyncio.sleep(0)
    raise ValueError(f"failed after {n} steps")


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(slow("a"))
        tg.create_task(slow("b"))
        tg.create_task(fail_after(3))
        print("body waits")
        await asyncio.sleep(5)
        print("never printed")


asyncio.run(main())
