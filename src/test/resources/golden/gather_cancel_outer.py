# Rule: cancelling the future returned by gather cancels every child that is
# still running; awaiting the gather then raises CancelledError.
import asyncio


async def child(i):
    try:
        await asyncio.sleep(0.1 * i)
        print(f"child {i} finished")
        return i
    except asyncio.CancelledError:
        print(f"child {i} cancelled")
        raise
    finally:
        print(f"child {i} finally")


async def main():
    tasks = [asyncio.create_task(child(i)) for i in range(1, 4)]
    g = asyncio.gather(*tasks)
    await asyncio.sleep(0.15)
    print("cancel() returned", g.cancel())
    print("gather done right after cancel():", g.done())
    try:
        await g
    except asyncio.CancelledError:
        print("await gather raised CancelledError")
    print("gather:", g.done(), g.cancelled())
    for t in tasks:
        print(t.get_name(), t.done(), t.cancelled())


asyncio.run(main())
