# Rule: cancelling the current task takes effect at its next await; a task
# that catches it can carry on.
import asyncio


async def main():
    me = asyncio.current_task()
    print("cancel self ->", me.cancel())
    print("still running synchronously")
    try:
        await asyncio.sleep(0)
        print("not reached")
    except asyncio.CancelledError:
        print("CancelledError at the next await")
    await asyncio.sleep(0)
    print("main goes on, cancelled() =", me.cancelled())
    return "main done"


print(asyncio.run(main()))
