# Rule: two tasks iterating the same async generator: while one awaits inside the
# generator, the other's anext() raises "RuntimeError: anext(): asynchronous generator is
# already running" (aclose() and athrow() likewise); ag_running is True meanwhile.
import asyncio


async def slow_numbers():
    for i in range(3):
        await asyncio.sleep(0.1)
        yield i


async def reader(name, gen):
    try:
        async for v in gen:
            print(name, "read", v)
    except RuntimeError as e:
        print(name, "RuntimeError:", e)


async def main():
    shared = slow_numbers()
    first = asyncio.create_task(reader("first", shared))
    await asyncio.sleep(0.05)
    print("ag_running:", shared.ag_running)
    for method in ("aclose", "athrow"):
        try:
            await (shared.aclose() if method == "aclose" else shared.athrow(ValueError))
        except RuntimeError as e:
            print(method, "RuntimeError:", e)
    await reader("second", shared)
    await first


asyncio.run(main())
