# Rule: an exception escaping a function run with asyncio.to_thread propagates through
# asyncio/threads.py and the worker's concurrent/futures/thread.py frame into the caller;
# uncaught, the traceback shows all of them.
import asyncio


def divide(a, b):
    return a / b


async def main():
    print(await asyncio.to_thread(divide, 1, 4))
    print(await asyncio.to_thread(divide, 1, 0))


asyncio.run(main())
