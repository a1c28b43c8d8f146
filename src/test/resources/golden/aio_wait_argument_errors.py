# Rule: asyncio.wait() refuses bare coroutines ("Passing coroutines is forbidden"), an
# empty collection, a single future and an unknown return_when, each with CPython's
# message, raised when the wait() coroutine is awaited.
import asyncio


async def work():
    return 1


async def main():
    t = asyncio.create_task(work())
    coro = work()
    for args, kw in [(([coro],), {}), (([],), {}), ((t,), {}), (([t],), {"return_when": "SOMETIMES"})]:
        try:
            await asyncio.wait(*args, **kw)
        except (TypeError, ValueError) as e:
            print(type(e).__name__ + ":", e)
    await coro
    done, pending = await asyncio.wait({t})
    print(len(done), len(pending), t.result())


asyncio.run(main())
