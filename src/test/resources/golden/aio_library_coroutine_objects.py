# Rule: asyncio.sleep() and asyncio.wait_for() return ordinary coroutine
# objects: type() is coroutine, isinstance works, __name__/__qualname__ name
# the library function, and they can be stored and awaited later.
import asyncio


async def own():
    return "own"


async def main():
    pause = asyncio.sleep(0.1, result="slept")
    guarded = asyncio.wait_for(own(), 1)
    mine = own()
    print(type(pause).__name__, type(guarded).__name__, type(pause) is type(mine))
    print(isinstance(guarded, type(mine)), asyncio.iscoroutine(pause))
    print(pause.__name__, pause.__qualname__, guarded.__name__)
    print(repr(pause).startswith("<coroutine object sleep at 0x"))
    print(await pause, await guarded, await mine)


asyncio.run(main())
