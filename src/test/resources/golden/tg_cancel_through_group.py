# A CancelledError that reaches a TaskGroup's __aexit__ from the body (here main cancels itself) is raised again
# there once the tasks are cancelled (taskgroups.py line 134, `raise propagate_cancellation_error`); uncaught,
# asyncio.run reports it with both places in the traceback.
import asyncio


async def child():
    try:
        await asyncio.sleep(1)
    finally:
        print("child finally")


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(child())
        asyncio.current_task().cancel()
        await asyncio.sleep(0.5)


asyncio.run(main())
