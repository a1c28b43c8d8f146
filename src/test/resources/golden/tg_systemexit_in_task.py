# SystemExit raised by a TaskGroup task leaves the event loop at once; asyncio.run then cancels the remaining
# tasks, the group re-raises the SystemExit from __aexit__, and it leaves asyncio.run through Runner.close():
# the exit status is the SystemExit code and the main task's exception is reported as never retrieved.
import asyncio


async def quit_soon():
    await asyncio.sleep(0.1)
    raise SystemExit(3)


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(quit_soon())
            tg.create_task(asyncio.sleep(1))
    finally:
        print("finally in main")


asyncio.run(main())
print("not printed")
