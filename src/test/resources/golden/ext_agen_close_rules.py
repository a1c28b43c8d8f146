# Rule: aclose() on an async generator that yields again instead of finishing raises
# "async generator ignored GeneratorExit"; one that catches GeneratorExit and returns
# closes cleanly; `raise StopAsyncIteration` or StopIteration inside a generator becomes
# RuntimeError (chained from it); an exception raised inside reaches the consumer.
import asyncio


async def stubborn():
    try:
        yield 1
    finally:
        yield "one more"


async def polite():
    try:
        yield 1
    except GeneratorExit:
        print("  polite: asked to close")
        return


async def stops_early():
    yield 1
    raise StopAsyncIteration


async def stops_wrong():
    yield 1
    raise StopIteration


async def main():
    s = stubborn()
    await anext(s)
    try:
        await s.aclose()
    except RuntimeError as e:
        print("RuntimeError:", e)
    p = polite()
    await anext(p)
    print("polite aclose ->", await p.aclose())
    for gen in (stops_early(), stops_wrong()):
        print("first", await anext(gen))
        try:
            await anext(gen)
        except RuntimeError as e:
            print("RuntimeError:", e, "from", type(e.__cause__).__name__)


asyncio.run(main())
