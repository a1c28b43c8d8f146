# Rule: `async for` over an async generator runs the generator inside the consuming task:
# each item costs exactly the awaits the generator makes (a sleep(0) is one loop
# iteration, a plain yield none), as a sleep(0) ticker shows; a class with __aiter__ and
# an async __anext__ that raises StopAsyncIteration works the same way; `else` runs when
# the iteration ends without break.
import asyncio


async def numbers(n):
    for i in range(n):
        print("  produce", i)
        if i % 2:
            await asyncio.sleep(0)
        yield i


class Countdown:
    def __init__(self, start):
        self.n = start

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        await asyncio.sleep(0)
        self.n -= 1
        return self.n


async def ticker():
    for i in range(12):
        print("tick", i)
        await asyncio.sleep(0)


async def main():
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    async for v in numbers(4):
        print("  got", v)
    else:
        print("  numbers exhausted")
    async for v in Countdown(3):
        print("  countdown", v)
    else:
        print("  countdown exhausted")
    await t


asyncio.run(main())
