# Rule: calling asyncio.run() inside a coroutine (where a loop is already
# running) raises RuntimeError from asyncio/runners.py before the coroutine
# passed to it runs; uncaught, the traceback ends at runners.py's raise and
# the coroutine is reported as never awaited at exit.
import asyncio


async def fetch():
    print("never runs")
    return 1


async def main():
    print("main starts")
    result = asyncio.run(fetch())
    print(result)


asyncio.run(main())
