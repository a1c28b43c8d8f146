# A timeout that expires while someone else also cancels the task does not become TimeoutError: the exit sees
# more cancellation requests than it made and lets the CancelledError go on; a cancel() before the deadline
# likewise passes through the block.
import asyncio


async def expires_then_cancelled():
    task = asyncio.current_task()
    async with asyncio.timeout(0.1):
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("timeout cancel; cancelling =", task.cancelling())
            task.cancel()
            print("extra cancel; cancelling =", task.cancelling())
            raise


async def cancelled_early():
    async with asyncio.timeout(0.5) as cm:
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("cancelled from outside; expired =", cm.expired())
            raise


async def main():
    for coro in (expires_then_cancelled(), cancelled_early()):
        t = asyncio.create_task(coro)
        await asyncio.sleep(0.05)
        if not t.done():
            t.cancel()
        try:
            await t
        except asyncio.CancelledError:
            print("CancelledError", t.cancelled())
        except TimeoutError:
            print("TimeoutError")


asyncio.run(main())
