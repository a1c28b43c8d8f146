# An uncaught TimeoutError from wait_for inside a timeout() block: the CancelledError was raised in the awaited
# coroutine, passed wait_for's `return await fut` (tasks.py 520), and became TimeoutError in wait_for's own
# timeout block (tasks.py 519, timeouts.py 115); the outer block lets it through.
import asyncio


async def slow():
    await asyncio.sleep(1)


async def main():
    async with asyncio.timeout(0.5):
        await asyncio.wait_for(slow(), 0.1)


asyncio.run(main())
