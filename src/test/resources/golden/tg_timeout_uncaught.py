# An uncaught TimeoutError from asyncio.timeout: the traceback shows the CancelledError raised at the await
# inside the block, then the TimeoutError raised by Timeout.__aexit__ (timeouts.py line 115) at the
# `async with` line.
import asyncio


async def fetch(n):
    if n:
        await fetch(n - 1)
    else:
        await asyncio.sleep(1)


async def main():
    async with asyncio.timeout(0.05):
        await fetch(2)


asyncio.run(main())
