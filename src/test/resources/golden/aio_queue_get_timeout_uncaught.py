# Rule: wait_for(q.get(), timeout) cancels the getter inside queue.get() when the time is
# up; caught, it is TimeoutError and the queue has no getter left; uncaught, the traceback
# chains the CancelledError raised at queues.py's `await getter` to the TimeoutError.
import asyncio


async def main():
    q = asyncio.Queue()
    try:
        await asyncio.wait_for(q.get(), 0.05)
    except TimeoutError as e:
        print("timed out:", repr(e), q)
    q.put_nowait("late")
    print("got", await asyncio.wait_for(q.get(), 0.05))
    await asyncio.wait_for(q.get(), 0.05)


asyncio.run(main())
