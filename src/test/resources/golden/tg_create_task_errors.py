# TaskGroup.create_task refuses a group not entered yet, one that has finished, and one that is shutting down
# after a failure (RuntimeError with the group's repr); a group cannot be entered twice. The coroutine passed to
# a refused create_task is freed with the exception, with its "never awaited" warning.
import asyncio


async def work():
    await asyncio.sleep(0)


async def spawner(tg):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        try:
            tg.create_task(work())
        except RuntimeError as e:
            print("while aborting:", e)
        raise


async def boom():
    await asyncio.sleep(0.5)
    raise ValueError("boom")


async def main():
    tg = asyncio.TaskGroup()
    print(repr(tg))
    try:
        tg.create_task(work())
    except RuntimeError as e:
        print(e)
    async with tg:
        tg.create_task(work())
    try:
        tg.create_task(work())
    except RuntimeError as e:
        print(e)
    try:
        async with tg:
            pass
    except RuntimeError as e:
        print(e)
    try:
        async with asyncio.TaskGroup() as g2:
            g2.create_task(spawner(g2))
            g2.create_task(boom())
    except* ValueError:
        print("boom handled")


asyncio.run(main())
