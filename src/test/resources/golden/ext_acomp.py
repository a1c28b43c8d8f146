# Rule: asynchronous comprehensions: `async for` in list, set and dict comprehensions (with
# conditions and nested loops), `await` inside a comprehension in an async function, and
# asynchronous generator expressions (with `async for` or `await`), which are async
# generators even when made in a plain function.
import asyncio


async def upto(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i


async def square(x):
    await asyncio.sleep(0.01)
    return x * x


def lazy_doubles(n):
    return (2 * x async for x in upto(n))


async def main():
    print([x async for x in upto(6) if x % 2 == 0])
    print({x % 3 async for x in upto(7)})
    print({x: await square(x) async for x in upto(4)})
    print([(a, b) async for a in upto(2) for b in "xy"])
    print([[b async for b in upto(a)] for a in range(4)])
    print([await square(x) for x in range(4)])
    gen = lazy_doubles(3)
    print(type(gen).__name__, gen.__qualname__)
    print([v async for v in gen])
    squares = (await square(x) for x in range(3))
    print(type(squares).__name__, [v async for v in squares])


asyncio.run(main())
