# Rule: if the inner coroutine swallows the cancellation caused by the
# timeout and returns a value, wait_for returns that value (3.12).
import asyncio


async def stubborn():
    try:
        await asyncio.sleep(1)
        return "finished"
    except asyncio.CancelledError:
        print("stubborn: swallowing the cancel")
        return "partial"


async def main():
    try:
        r = await asyncio.wait_for(stubborn(), timeout=0.05)
        print("wait_for returned", repr(r))
    except TimeoutError:
        print("wait_for raised TimeoutError")
    print("main not cancelled:", not asyncio.current_task().cancelled())
    await asyncio.sleep(0)
    print("main can still await")


asyncio.run(main())
