# Rule: the future asyncio.shield() returns follows its inner task: an exception of the
# inner task reaches the awaiter of the shield, and cancelling the inner task itself
# cancels the shield's future too.
import asyncio


async def fails():
    await asyncio.sleep(0.05)
    raise ValueError("inner failed")


async def sleeper():
    await asyncio.sleep(1)


async def main():
    try:
        await asyncio.shield(fails())
    except ValueError as e:
        print("shield raised", repr(e))
    inner = asyncio.create_task(sleeper())
    outer = asyncio.shield(inner)
    await asyncio.sleep(0.01)
    inner.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled:", outer.cancelled(), "inner cancelled:", inner.cancelled())
    print(sorted(t.get_name() for t in asyncio.all_tasks()))


asyncio.run(main())
