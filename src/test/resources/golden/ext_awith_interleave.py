# Rule: `async with` awaits __aenter__ before the body and __aexit__ after it; each is a
# coroutine run inside the current task, so a sleep(0) in them costs one loop iteration,
# as a sleep(0) ticker task shows; __aexit__ gets the exception type, value and traceback
# (three Nones on a normal exit) and a true result suppresses the exception.
import asyncio


class Step:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        print(f"  {self.name}: enter")
        await asyncio.sleep(0)
        print(f"  {self.name}: entered")
        return self.name.upper()

    async def __aexit__(self, exc_type, exc, tb):
        kind = exc_type.__name__ if exc_type else None
        print(f"  {self.name}: exit {kind} {exc!r} {type(tb).__name__}")
        await asyncio.sleep(0)
        print(f"  {self.name}: exited, suppress={self.suppress}")
        return self.suppress


async def ticker():
    for i in range(10):
        print("tick", i)
        await asyncio.sleep(0)


async def main():
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    async with Step("plain") as value:
        print("  body got", value)
    async with Step("quiet", suppress=True):
        raise ValueError("swallowed")
    print("  after quiet")
    try:
        async with Step("loud"):
            raise KeyError("escapes")
    except KeyError as e:
        print("  caught", repr(e))
    await t


asyncio.run(main())
