# create_task with something that is not a coroutine fails inside BaseEventLoop.create_task: through
# TaskGroup.create_task the TypeError becomes the group's error; the traceback shows the library lines of
# taskgroups.py and base_events.py (and tasks.py for asyncio.create_task).
import asyncio


async def main():
    try:
        asyncio.create_task(42)
    except TypeError as e:
        print("asyncio.create_task:", e)
    try:
        asyncio.get_running_loop().create_task("not a coroutine")
    except TypeError as e:
        print("loop.create_task:", e)
    async with asyncio.TaskGroup() as tg:
        tg.create_task(42)


asyncio.run(main())
