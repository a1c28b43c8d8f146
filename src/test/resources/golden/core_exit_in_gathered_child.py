# SystemExit raised by a task that gather made leaves the loop at once; the main task, still waiting on the gather, gets the same exception while asyncio.run cancels what is left, and it leaves asyncio.run through the runner's close().
import asyncio
import sys


async def worker():
    await asyncio.sleep(0.1)
    print("worker exits")
    sys.exit(5)


async def main():
    try:
        await asyncio.gather(worker(), asyncio.sleep(1))
    finally:
        print("main finally")


try:
    asyncio.run(main())
finally:
    print("after asyncio.run")
