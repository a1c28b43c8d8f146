# asyncio.create_task() of something that is not a coroutine fails inside asyncio's own create_task and the loop's, and the traceback shows both library frames.
import asyncio


def compute():
    return 42


async def main():
    task = asyncio.create_task(compute())
    print(await task)


asyncio.run(main())
