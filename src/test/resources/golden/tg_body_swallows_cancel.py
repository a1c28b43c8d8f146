# The group cancels its parent task when a task fails; a body that catches that CancelledError keeps running
# until it ends, and the group still raises the task's error when the block exits. A task that ends with
# CancelledError of its own is not an error of the group.
import asyncio


async def fail_soon():
    await asyncio.sleep(0.1)
    raise ValueError("soon")


async def gives_up(i):
    await asyncio.sleep(0.1)
    if i == 1:
        raise KeyError("one")
    raise asyncio.CancelledError()


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail_soon())
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print("body swallows the cancel, cancelling =", asyncio.current_task().cancelling())
            print("body continues")
            await asyncio.sleep(0.1)
            print("body slept")
    except* ValueError as eg:
        print("handled", eg.exceptions)
    try:
        async with asyncio.TaskGroup() as tg:
            for i in range(3):
                tg.create_task(gives_up(i))
    except* KeyError as eg:
        print(repr(eg))


asyncio.run(main())
