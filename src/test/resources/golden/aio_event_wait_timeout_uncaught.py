# Rule: a task waiting in Event.wait() under wait_for() is cancelled at locks.py's
# `await fut` when the time is up and leaves the event's waiters; uncaught, the traceback
# shows that line and the TimeoutError it became.
import asyncio


async def main():
    ev = asyncio.Event()
    try:
        await asyncio.wait_for(ev.wait(), 0.05)
    except TimeoutError:
        print("timed out, event:", ev.is_set(), str(ev).endswith("[unset]>"))
    ev.set()
    print("set event:", await asyncio.wait_for(ev.wait(), 0.05))
    ev.clear()
    await asyncio.wait_for(ev.wait(), 0.05)


asyncio.run(main())
