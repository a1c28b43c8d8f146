# Rule: gathers nest; an inner gather is one awaitable of the outer one and
# its list becomes one element of the outer result.
import asyncio


async def leaf(x, d):
    await asyncio.sleep(d)
    print(f"leaf {x} done")
    return x


async def main():
    inner1 = asyncio.gather(leaf(1, 0.03), leaf(2, 0.01))
    inner2 = asyncio.gather(leaf(3, 0.02), leaf(4, 0))
    outer = await asyncio.gather(inner1, inner2, leaf(5, 0.015))
    print(outer)
    a, b, c = outer
    print(sum(a) + sum(b) + c)


asyncio.run(main())
