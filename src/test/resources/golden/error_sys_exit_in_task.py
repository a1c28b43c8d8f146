# Rule: sys.exit() in a task leaves the event loop at once through
# Handle._run, _run_once, run_forever and run_until_complete; asyncio.run
# still cancels the other tasks, the exit status is the code, and the failed
# task, never retrieved, is reported at exit with that whole traceback.
import asyncio
import sys


async def worker():
    await asyncio.sleep(0.1)
    print("worker exits the program")
    sys.exit(3)


async def bystander():
    try:
        await asyncio.sleep(5)
    finally:
        print("bystander finally")


async def main():
    asyncio.create_task(bystander())
    w = asyncio.create_task(worker())
    await asyncio.sleep(1)
    print("never printed")


asyncio.run(main())
print("never printed either")
