# Rule: if the main task ends cancelled, asyncio.run raises CancelledError:
# traceback on stderr, exit code 1; the cancelled child's finally ran first.
import asyncio


async def child():
    try:
        await asyncio.sleep(1)
    finally:
        print("child: finally")


async def main():
    t = asyncio.create_task(child())
    await asyncio.sleep(0)
    asyncio.current_task().cancel()
    print("main: cancelled itself, now awaiting the child")
    await t


asyncio.run(main())
