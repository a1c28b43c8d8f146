# Rule: several tasks blocked in Queue.get() are served oldest first, one item each; a
# getter whose task is cancelled leaves the line, and the item goes to the next one.
import asyncio


async def getter(q, name):
    print(f"{name} waits")
    try:
        item = await q.get()
    except asyncio.CancelledError:
        print(f"{name} cancelled while waiting")
        raise
    print(f"{name} got {item!r}")
    return item


async def main():
    q = asyncio.Queue()
    tasks = [asyncio.create_task(getter(q, f"g{i}")) for i in range(4)]
    await asyncio.sleep(0)
    print("all waiting:", q)
    tasks[1].cancel()
    await asyncio.sleep(0)
    for item in "abc":
        q.put_nowait(item)
        print(f"put {item!r}")
    results = await asyncio.gather(*tasks, return_exceptions=True)
    print([type(r).__name__ if isinstance(r, BaseException) else r for r in results])
    print(q, q.empty())


asyncio.run(main())
