# Nested TaskGroups: a failure deep inside makes the inner group raise an ExceptionGroup, which fails the inner
# group's task in the outer group; the outer group's ExceptionGroup holds the inner one, and the uncaught
# report nests the boxes one level deeper.
import asyncio


async def fail(msg, d):
    await asyncio.sleep(d)
    raise ValueError(msg)


async def level2():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail("deep-a", 0.1))
        tg.create_task(fail("deep-b", 0.1))


async def level1():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(level2())
        tg.create_task(fail("mid", 0.2))


def walk(e, indent=0):
    if isinstance(e, BaseExceptionGroup):
        print(" " * indent + f"group {e.message!r}")
        for x in e.exceptions:
            walk(x, indent + 2)
    else:
        print(" " * indent + repr(e))


async def main():
    try:
        await level1()
    except* ValueError as eg:
        walk(eg)
    await level1()


asyncio.run(main())
