# timeout(0) and negative delays: the timer is scheduled with call_soon, so the block runs until its first
# await, and the cancellation arrives one loop iteration later, as a sleep(0) ticker shows; a block that never
# awaits ends normally.
import asyncio


async def ticker():
    for i in range(6):
        print("tick", i)
        await asyncio.sleep(0)


async def main():
    asyncio.create_task(ticker())
    await asyncio.sleep(0)
    try:
        async with asyncio.timeout(0):
            print("in block")
            await asyncio.sleep(0)
            print("not here")
    except TimeoutError:
        print("timeout")
    async with asyncio.timeout(-1):
        print("no await, no error")
    try:
        async with asyncio.timeout(-1):
            await asyncio.sleep(1)
    except TimeoutError:
        print("negative fired")
    await asyncio.sleep(0)
    print("main end")


asyncio.run(main())
