# Tasks running asyncio's own coroutines directly (tg.create_task(asyncio.sleep(...)), wait_for) show in their
# reprs where CPython's code of that coroutine is: its def line before it starts, its await while suspended,
# "done, defined at" once finished; the group's done callback is listed too.
import asyncio


async def main():
    async with asyncio.TaskGroup() as tg:
        t = tg.create_task(asyncio.sleep(0.1))
        z = tg.create_task(asyncio.sleep(0))
        w = tg.create_task(asyncio.wait_for(asyncio.sleep(0.05, "v"), 0.5))
        for task in (t, z, w):
            print(task)
        await asyncio.sleep(0)
        for task in (t, z, w):
            print(task)
    for task in (t, z, w):
        print(task)


asyncio.run(main())
