# A task's exception keeps the traceback it had when the task failed for the first retrieval only: awaiting the task shows the task's frames, a later result() raises it without them.
import asyncio


async def fail():
    await asyncio.sleep(0.1)
    raise ValueError("task failed")


async def main():
    task = asyncio.create_task(fail())
    try:
        await task
    except ValueError as e:
        print("first retrieval:", e)
    task.result()


asyncio.run(main())
