# Rule: when a task finishes, a task awaiting it is woken by a done callback
# scheduled with call_soon, so it resumes one loop iteration later; a counter
# task that yields with sleep(0) every iteration shows the exact gap.
import asyncio

ticks = [0]


async def counter(n):
    for i in range(n):
        ticks[0] += 1
        print(f"  tick {ticks[0]}")
        await asyncio.sleep(0)


async def quick():
    print(f"quick starts at tick {ticks[0]}")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(f"quick returns at tick {ticks[0]}")
    return "q"


async def waiter(t):
    print(f"waiter starts awaiting at tick {ticks[0]}")
    r = await t
    print(f"waiter got {r!r} at tick {ticks[0]}")
    r2 = await t
    print(f"awaiting the finished task again costs nothing: {r2!r} at tick {ticks[0]}")


async def main():
    c = asyncio.create_task(counter(6))
    q = asyncio.create_task(quick())
    w = asyncio.create_task(waiter(q))
    await c
    print("done:", q.done(), w.done())


asyncio.run(main())
