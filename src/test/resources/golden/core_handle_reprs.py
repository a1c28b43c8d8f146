# Handles from call_soon show their callback and arguments; cancelled handles drop them; a coroutine function used as a callback makes a coroutine that is never awaited, reported from Handle._run at once.
import asyncio
import functools


def greet(name, punctuation="!"):
    print("hello", name + punctuation)


async def coro_callback():
    print("never runs")


async def main():
    loop = asyncio.get_running_loop()
    h1 = loop.call_soon(greet, "world")
    h2 = loop.call_soon(functools.partial(greet, punctuation="?"), "there")
    h3 = loop.call_soon(print, "a" * 40, [1, 2, 3])
    h4 = loop.call_soon(greet, "nobody")
    print(h1)
    print(h2)
    print(h3)
    h4.cancel()
    print(h4, h4.cancelled())
    loop.call_soon(coro_callback)
    await asyncio.sleep(0.1)
    print("main done")


asyncio.run(main())
