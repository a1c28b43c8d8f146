# asyncio.timeout(delay): when the deadline passes the task is cancelled and the block's exit turns the
# CancelledError into TimeoutError (chained from it); expired() says so, and the Timeout's repr shows its state
# (created, expired, finished). timeout(None) never expires and timeout_at takes a loop time.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    cm = asyncio.timeout(0.1)
    print(repr(cm)[:17], cm.expired())
    try:
        async with cm:
            await asyncio.sleep(1)
    except TimeoutError as e:
        print("timed out:", repr(e), "cause:", type(e.__cause__).__name__, "expired:", cm.expired())
    print(repr(cm))
    async with asyncio.timeout(1) as cm2:
        await asyncio.sleep(0.1)
    print(repr(cm2), cm2.expired())
    async with asyncio.timeout(None) as cm3:
        print(repr(cm3), cm3.when())
        await asyncio.sleep(0.1)
    print(repr(cm3))
    start = loop.time()
    try:
        async with asyncio.timeout_at(start + 0.2) as cm4:
            print("deadline in", round(cm4.when() - start, 3))
            await asyncio.sleep(1)
    except TimeoutError:
        print("timeout_at fired after", round(loop.time() - start, 1))
    print("cancelling =", asyncio.current_task().cancelling())


asyncio.run(main())
