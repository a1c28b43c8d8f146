# Rule: asyncio.sleep(0) is a bare yield; tasks that yield take turns in
# creation order, one step each per loop iteration (FIFO ready queue).
import asyncio


async def worker(name, steps):
    for i in range(steps):
        print(f"{name} step {i}")
        await asyncio.sleep(0)
    print(f"{name} finished after {steps} steps")
    return steps


async def main():
    a = asyncio.create_task(worker("A", 3))
    b = asyncio.create_task(worker("B", 1))
    c = asyncio.create_task(worker("C", 2))
    print("main created three tasks, none has run yet:", a.done(), b.done(), c.done())
    await asyncio.sleep(0)
    print("main after one yield")
    await asyncio.sleep(0)
    print("main after two yields")
    print("results:", await a, await b, await c)


asyncio.run(main())
