# When main fails, asyncio.run cancels the leftover tasks while main's exception propagates: their CancelledError, and an error raised while handling it, chain to main's exception in the shutdown report.
import asyncio


async def background():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        raise RuntimeError("cleanup broke")


async def main():
    asyncio.create_task(background())
    await asyncio.sleep(0.1)
    raise ValueError("main fails")


asyncio.run(main())
