# Rule: the builtins aiter() and anext(): anext(it, default) gives the default when the
# iteration ends, anext(it) raises StopAsyncIteration; both check their argument with
# CPython's messages; anext() works with asyncio.wait_for, which times out while the
# generator waits.
import asyncio


async def slow_ticks():
    try:
        for i in range(4):
            await asyncio.sleep(0.3 * i)
            yield i
    finally:
        print("slow_ticks finally")


class Pair:
    def __init__(self):
        self.left = ["a", "b"]

    def __aiter__(self):
        return self

    async def __anext__(self):
        if not self.left:
            raise StopAsyncIteration
        return self.left.pop(0)


async def main():
    p = aiter(Pair())
    print(await anext(p), await anext(p), await anext(p, "default"))
    try:
        await anext(p)
    except StopAsyncIteration:
        print("StopAsyncIteration")
    for bad in (aiter, anext):
        try:
            bad([1, 2])
        except TypeError as e:
            print("TypeError:", e)
    g = slow_ticks()
    while True:
        try:
            print("tick", await asyncio.wait_for(anext(g), 0.5))
        except TimeoutError:
            print("timed out")
            break
    print(await anext(g, "exhausted"))


asyncio.run(main())
