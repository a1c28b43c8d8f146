# Rule: print order between tasks that yield a different number of times
# before and after awaiting a timer: the ready queue is FIFO per iteration.
import asyncio

log = []


async def task(name, before, d, after):
    for i in range(before):
        log.append(f"{name}:y{i}")
        await asyncio.sleep(0)
    await asyncio.sleep(d)
    log.append(f"{name}:timer")
    for i in range(after):
        await asyncio.sleep(0)
        log.append(f"{name}:z{i}")
    return name


async def main():
    ts = [asyncio.create_task(task("P", 2, 0.05, 1)),
          asyncio.create_task(task("Q", 0, 0.03, 2)),
          asyncio.create_task(task("R", 1, 0.01, 0))]
    print(await asyncio.gather(*ts))
    for entry in log:
        print(entry)


asyncio.run(main())
