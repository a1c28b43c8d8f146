# Rule: cancel() returns True for a pending task (also when asked twice)
# and False for a finished one; cancelling a finished task changes nothing.
import asyncio


async def quick():
    return "fast"


async def slow():
    await asyncio.sleep(1)
    return "slow"


async def main():
    q = asyncio.create_task(quick())
    s = asyncio.create_task(slow())
    await asyncio.sleep(0)
    print("quick done:", q.done(), "cancel ->", q.cancel(), "cancelled:", q.cancelled())
    print("quick result still:", q.result())
    print("slow cancel ->", s.cancel())
    print("slow cancel again ->", s.cancel())
    print("slow done yet:", s.done())
    await asyncio.sleep(0)
    print("slow done:", s.done(), "cancelled:", s.cancelled())
    print("slow cancel after done ->", s.cancel())


asyncio.run(main())
