# asyncio.create_task outside a running loop fails in tasks.py (events.get_running_loop()), and
# loop.create_task on a closed loop in base_events.py (_check_closed); the coroutine passed is freed with the
# exception and warned about at the line running when the handler lets go of it.
import asyncio


async def work():
    pass


try:
    asyncio.create_task(work())
except RuntimeError as e:
    print("no loop:", e)


async def main():
    return asyncio.get_running_loop()


loop = asyncio.run(main())
print("closed:", loop.is_closed())
loop.create_task(work())
