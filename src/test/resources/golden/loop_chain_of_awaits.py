# Rule: a chain of tasks awaiting tasks (A awaits B awaits C) costs one loop
# iteration per link when C finishes, while a sleep(0) ticker keeps counting.
import asyncio

ticks = [0]

async def ticker():
    for i in range(8):
        ticks[0] += 1
        await asyncio.sleep(0)

async def leaf():
    await asyncio.sleep(0)
    print(f"C finishes at tick {ticks[0]}")
    return 1

async def middle():
    inner = asyncio.create_task(leaf())
    v = await inner
    print(f"B resumes at tick {ticks[0]}")
    return v + 1

async def top():
    inner = asyncio.create_task(middle())
    v = await inner
    print(f"A resumes at tick {ticks[0]}")
    return v + 1

async def main():
    t = asyncio.create_task(ticker())
    a = asyncio.create_task(top())
    print("A result:", await a)
    await t
    print("ticks total:", ticks[0])

asyncio.run(main())
