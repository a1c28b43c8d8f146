# CPython 3.12.1 detail: a task that fails while the parent already waits in __aexit__ makes the group cancel the
# parent without uncancelling it afterwards, so cancelling() stays 1; a failure while the body still runs is
# uncancelled (cancelling() back to 0). Later awaits and timeouts work either way.
import asyncio


async def fail(d):
    await asyncio.sleep(d)
    raise ValueError("late")


async def main():
    me = asyncio.current_task()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(0.1))
            await asyncio.sleep(1)
    except* ValueError:
        print("failure during the body; cancelling =", me.cancelling())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(0.1))
            print("body ends at once")
    except* ValueError:
        print("failure during __aexit__; cancelling =", me.cancelling())
    await asyncio.sleep(0.1)
    print("slept fine")
    try:
        async with asyncio.timeout(0.05):
            await asyncio.sleep(1)
    except TimeoutError:
        print("timeout still works")
    print("cancelling =", me.cancelling())


asyncio.run(main())
