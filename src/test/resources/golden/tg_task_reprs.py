# Reprs of a TaskGroup's tasks name the group's done callback, TaskGroup._on_task_done(); the running main task
# shows asyncio.run's callback with its library line; the group's repr counts tasks and errors.
import asyncio


async def work(i):
    await asyncio.sleep(0.1 * i)
    return i


async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(work(1), name="first")
        t2 = tg.create_task(work(2))
        print(t1)
        print(t2)
        print(asyncio.current_task())
        print(repr(tg))
        await asyncio.sleep(0.15)
        print(t1)
        print(repr(tg))
    print(t2)


asyncio.run(main())
