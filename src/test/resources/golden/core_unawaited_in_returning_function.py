# A coroutine kept only in a local variable is freed when its function returns: the "never awaited" warning points at the caller's line, or at Handle._run for a task's coroutine; coroutines returned, stored in a global list or on an object passed in are not freed.
import asyncio

pending = []


class Holder:
    def __init__(self):
        self.coro = None


async def fetch(n):
    await asyncio.sleep(0.01)
    return n


async def forgetful_helper():
    result = fetch(1)
    print("helper got a", type(result).__name__)
    return 5


async def forgetful_task():
    data = fetch(2)
    return "task done"


def make(n):
    coro = fetch(n)
    return coro


def stash(n):
    coro = fetch(n)
    pending.append(coro)


def hold(holder, n):
    coro = fetch(n)
    holder.coro = coro


async def main():
    value = await forgetful_helper()
    print("main continues with", value)
    print(await asyncio.create_task(forgetful_task()))
    print(await make(3))
    stash(4)
    print(await pending.pop())
    holder = Holder()
    hold(holder, 5)
    print(await holder.coro)


asyncio.run(main())
