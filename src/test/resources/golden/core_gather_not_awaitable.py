# gather() of a plain value raises ensure_future's TypeError through gather's frames; the coroutine before it had already become a task and ran one step.
import asyncio


async def first():
    print("first runs")
    await asyncio.sleep(1)


async def main():
    await asyncio.gather(first(), 5)


asyncio.run(main())
