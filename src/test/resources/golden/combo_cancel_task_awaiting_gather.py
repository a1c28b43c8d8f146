# Rule: cancelling a task that is awaiting a gather cancels the gather and,
# through it, every child; the children's cleanup runs first.
import asyncio


async def child(i):
    try:
        await asyncio.sleep(1)
    finally:
        print(f"child {i} cleanup")


async def parent():
    try:
        await asyncio.gather(child(1), child(2), child(3))
    except asyncio.CancelledError:
        print("parent: gather was cancelled")
        raise


async def main():
    p = asyncio.create_task(parent())
    await asyncio.sleep(0.05)
    print("main: cancelling", p.get_name())
    p.cancel()
    try:
        await p
    except asyncio.CancelledError:
        print("main: parent cancelled:", p.cancelled())


asyncio.run(main())
