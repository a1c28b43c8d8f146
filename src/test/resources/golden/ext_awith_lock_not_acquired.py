# Rule: releasing an asyncio.Lock inside `async with` makes its __aexit__ fail: the
# traceback shows asyncio's locks.py lines (__aexit__ calling release(), then release()
# raising "Lock is not acquired.").
import asyncio


async def main():
    lock = asyncio.Lock()
    async with lock:
        print("held:", lock.locked())
        lock.release()
        print("released by hand:", lock.locked())


asyncio.run(main())
