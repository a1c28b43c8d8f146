# Rule: an exception escaping main propagates out of asyncio.run: traceback
# on stderr through asyncio's runner frames, exit code 1.
import asyncio


async def main():
    print("main: about to fail")
    await asyncio.sleep(0)
    raise ValueError('boom')


asyncio.run(main())
print("not reached")
