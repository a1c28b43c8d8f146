# Rule: `async with lock` on asyncio.Lock: a task that finds the lock taken waits on a
# future; release() in __aexit__ wakes the first waiter, which runs one loop iteration
# later; a sleep(0) ticker shows the iterations; the lock's repr shows its waiters.
import asyncio


def state(primitive):
    """The bracketed state at the end of an asyncio primitive's repr (its address varies)."""
    text = repr(primitive)
    return text[text.index("["):]


lock = asyncio.Lock()


async def worker(name, hold):
    print(name, "wants the lock", state(lock))
    async with lock:
        print(name, "holds it")
        for _ in range(hold):
            await asyncio.sleep(0)
        print(name, "releases it")
    print(name, "done")


async def ticker():
    for i in range(12):
        print("tick", i)
        await asyncio.sleep(0)


async def main():
    t = asyncio.create_task(ticker())
    await asyncio.gather(worker("a", 2), worker("b", 1), worker("c", 0))
    print(state(lock), lock.locked())
    async with lock as value:
        print("as gives", value)
    await t


asyncio.run(main())
