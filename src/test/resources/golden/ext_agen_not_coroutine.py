# Rule: async generators and plain generators are not coroutines: asyncio.iscoroutine()
# is False for them, create_task() refuses them, `await` of one is a TypeError, and a
# plain `for` over an async generator fails; an __anext__() awaitable, in contrast, can
# be awaited, or run as a task whose repr names the awaitable's type; left unawaited, these
# awaitables bring no "never awaited" warning.
import asyncio


async def agen():
    yield 1
    yield 2


def plain():
    yield 1


async def main():
    print(asyncio.iscoroutine(agen()), asyncio.iscoroutine(plain()),
          asyncio.iscoroutine(agen().__anext__()))
    for make in (agen, plain):
        try:
            asyncio.create_task(make())
        except TypeError as e:
            print("TypeError:", str(e).split(" object ")[0])
        try:
            await make()
        except TypeError as e:
            print("TypeError:", e)
    try:
        for x in agen():
            pass
    except TypeError as e:
        print("TypeError:", e)
    t = asyncio.create_task(agen().__anext__())
    print(t)
    print(await t, t)
    code = agen().ag_code
    print(code.co_name, code.co_firstlineno, type(agen()).__name__, agen.__name__)
    g = agen()
    await anext(g)
    g.__anext__()
    g.aclose()
    print("no warnings")


asyncio.run(main())
