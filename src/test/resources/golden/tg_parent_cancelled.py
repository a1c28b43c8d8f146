# Cancelling the task that runs a TaskGroup cancels the group's tasks; __aexit__ waits for them to finish (a
# second cancel() meanwhile does not stop the wait) and then lets the CancelledError, with its message, go on.
import asyncio


async def child(name):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print(name, "cancelled", e.args)
        await asyncio.sleep(0.1)
        print(name, "cleanup done")
        raise


async def wrapper():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("a"))
            tg.create_task(child("b"))
            await asyncio.sleep(2)
    finally:
        print("wrapper finally, cancelling =", asyncio.current_task().cancelling())


async def main():
    t = asyncio.create_task(wrapper())
    await asyncio.sleep(0.5)
    print("cancel:", t.cancel("stop it"))
    await asyncio.sleep(0.05)
    print("wrapper done?", t.done())
    print("cancel again:", t.cancel("again"))
    try:
        await t
    except asyncio.CancelledError as e:
        print("wrapper cancelled", e.args, t.cancelled())


asyncio.run(main())
