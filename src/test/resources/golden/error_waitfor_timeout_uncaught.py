# Rule: an uncaught TimeoutError from wait_for: the traceback shows the
# CancelledError inside, then "The above exception was the direct cause of
# the following exception:" and the TimeoutError raised by asyncio.
import asyncio


async def slow():
    await asyncio.sleep(1)
    return "never"


async def main():
    print("waiting at most 0.05 s")
    r = await asyncio.wait_for(slow(), timeout=0.05)
    print(r)


asyncio.run(main())
