# A TaskGroup whose task returns without awaiting, an empty TaskGroup, and a group whose tasks all finish
# before the body ends: __aexit__ then returns without waiting on the loop, as a sleep(0) ticker shows.
import asyncio


async def ticker():
    for i in range(6):
        print("tick", i)
        await asyncio.sleep(0)


async def quick():
    return "fast"


async def main():
    asyncio.create_task(ticker())
    await asyncio.sleep(0)
    async with asyncio.TaskGroup() as tg:
        t = tg.create_task(quick())
        print("created, done =", t.done())
    print("result", t.result())
    async with asyncio.TaskGroup():
        pass
    print("empty group exited")
    async with asyncio.TaskGroup() as tg:
        t = tg.create_task(quick())
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        print("task done in body:", t.done())
    print("exited")
    await asyncio.sleep(0)


asyncio.run(main())
