# Rule: creating a coroutine object and never awaiting it runs nothing and
# triggers "RuntimeWarning: coroutine ... was never awaited" on stderr.
import asyncio


async def forgotten():
    print("never printed")


async def main():
    forgotten()
    print("main: made a coroutine and dropped it")
    await asyncio.sleep(0)
    print("main: done")


asyncio.run(main())
