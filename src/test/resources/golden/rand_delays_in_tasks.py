# Rule: seeded random delays decide which task finishes first; values drawn
# at task start (in task start order) are reproducible.
import asyncio, random


async def racer(name):
    delay = round(random.uniform(0.01, 0.2), 2)
    print(f"{name} draws {delay}")
    await asyncio.sleep(delay)
    print(f"{name} finished")
    return name, delay


async def main():
    random.seed(2024)
    tasks = [asyncio.create_task(racer(n)) for n in ["ann", "bob", "cid", "dee", "eve"]]
    order = []
    for t in tasks:
        order.append(await t)
    print(order)
    print("total delay:", round(sum([d for n, d in order]), 2), "longest:", max([d for n, d in order]))


asyncio.run(main())
