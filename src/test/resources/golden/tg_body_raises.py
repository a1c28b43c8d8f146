# An exception raised in the body of `async with TaskGroup()` cancels the group's tasks; once they finish,
# the group raises an ExceptionGroup that holds the body's exception after any task errors.
import asyncio


async def ticker(n):
    try:
        for i in range(n):
            print("tick", i)
            await asyncio.sleep(0)
    except asyncio.CancelledError:
        print("ticker cancelled")
        raise


async def fail(msg, d):
    await asyncio.sleep(d)
    raise ValueError(msg)


async def body_fails():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(ticker(6))
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        print("raising in body")
        raise KeyError("body")


async def main():
    try:
        await body_fails()
    except ExceptionGroup as eg:
        print("caught", repr(eg))
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail("task", 0))
        try:
            await asyncio.sleep(1)
        finally:
            raise KeyError("from finally")


asyncio.run(main())
