# Loop iterations around a failing TaskGroup task, shown by a sleep(0) ticker: the failure reaches the group
# through a done callback one iteration later, which cancels the siblings and the body; the body's
# CancelledError runs at the next iteration, then __aexit__ waits on a future completed by the last task's
# done callback.
import asyncio


async def ticker(stop):
    i = 0
    while not stop.is_set():
        print("tick", i)
        i += 1
        await asyncio.sleep(0)


async def fails():
    print("fails: start")
    await asyncio.sleep(0)
    print("fails: raising")
    raise KeyError("k")


async def sibling():
    try:
        print("sibling: start")
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("sibling: cancelled")
        await asyncio.sleep(0)
        print("sibling: cleanup done")
        raise


async def main():
    stop = asyncio.Event()
    t = asyncio.create_task(ticker(stop))
    await asyncio.sleep(0)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fails())
            tg.create_task(sibling())
            print("body: awaiting")
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print("body: cancelled")
                raise
    except* KeyError as eg:
        print("caught", eg.exceptions)
    stop.set()
    await t


asyncio.run(main())
