# Rule: in 3.12 gather over tasks that are ALL already finished is done at
# once (no loop iteration needed); with one pending task it completes one
# iteration after that task finishes. A ticker counts iterations.
import asyncio

ticks = [0]


async def ticker():
    for i in range(10):
        await asyncio.sleep(0)
        ticks[0] += 1


async def value(v, yields):
    for i in range(yields):
        await asyncio.sleep(0)
    return v


async def main():
    tk = asyncio.create_task(ticker())
    a = asyncio.create_task(value("a", 0))
    b = asyncio.create_task(value("b", 1))
    await b
    print("a and b done:", a.done(), b.done(), "at tick", ticks[0])
    g = asyncio.gather(a, b)
    print("gather of finished tasks done immediately:", g.done())
    print(await g, "at tick", ticks[0])
    c = asyncio.create_task(value("c", 2))
    g2 = asyncio.gather(a, c)
    print("gather with a pending task done immediately:", g2.done())
    print(await g2, "at tick", ticks[0])
    await tk


asyncio.run(main())
