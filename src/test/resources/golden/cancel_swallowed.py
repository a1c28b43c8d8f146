# Rule: a task that catches CancelledError and returns normally is NOT
# cancelled: cancelled() is False and result() is its return value.
import asyncio


async def stubborn():
    try:
        await asyncio.sleep(5)
        return "slept"
    except asyncio.CancelledError:
        print("stubborn: caught CancelledError, cleaning up")
        await asyncio.sleep(0.01)
        print("stubborn: returning anyway")
        return "ignored the cancel"


async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0.01)
    print("cancel() ->", t.cancel())
    r = await t
    print("await ->", r)
    print("done", t.done(), "cancelled", t.cancelled(), "result", t.result())


asyncio.run(main())
