# KeyboardInterrupt raised in a TaskGroup's body is not grouped: the tasks are cancelled, then __aexit__
# re-raises the KeyboardInterrupt itself (taskgroups.py line 129); the program ends with status 130.
import asyncio


async def child():
    try:
        await asyncio.sleep(1)
    finally:
        print("child cleanup")


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(child())
        await asyncio.sleep(0.1)
        raise KeyboardInterrupt


asyncio.run(main())
