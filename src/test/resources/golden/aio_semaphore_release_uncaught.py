# Rule: BoundedSemaphore.release() above the initial value raises ValueError from
# asyncio/locks.py; uncaught, the traceback shows the library line.
import asyncio


async def main():
    sem = asyncio.BoundedSemaphore(2)
    await sem.acquire()
    print("value after acquire:", sem._value, sem.locked())
    sem.release()
    print("released back to", sem._value)
    sem.release()


asyncio.run(main())
