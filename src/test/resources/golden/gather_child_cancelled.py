# Rule: if a child is cancelled and return_exceptions=False, gather raises
# CancelledError in the awaiter while the other children run on.
import asyncio


async def child(i, d):
    await asyncio.sleep(d)
    print(f"child {i} finished")
    return i


async def main():
    tasks = [asyncio.create_task(child(i, 0.05 * (i + 1))) for i in range(3)]
    g = asyncio.gather(*tasks)
    await asyncio.sleep(0.01)
    tasks[1].cancel()
    try:
        await g
        print("not reached")
    except asyncio.CancelledError:
        print("gather raised CancelledError")
    print("gather:", g.done(), g.cancelled())
    print("children:", [t.done() for t in tasks], [t.cancelled() for t in tasks])
    await asyncio.sleep(0.2)
    print("later:", [t.done() for t in tasks], [t.cancelled() for t in tasks])
    print("main still runs:", asyncio.current_task().cancelled())


asyncio.run(main())
