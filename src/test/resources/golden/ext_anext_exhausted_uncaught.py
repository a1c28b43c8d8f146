# Rule: anext() of a finished async generator raises StopAsyncIteration; uncaught, its
# traceback shows only the line of the await (the generator has no frame left).
import asyncio


async def once():
    yield "only value"


async def main():
    g = once()
    print(await anext(g))
    print(await anext(g))


asyncio.run(main())
