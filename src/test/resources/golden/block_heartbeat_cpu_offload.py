# Rule: CPU-bound work in a thread still competes for the GIL, but the loop
# thread gets its turns: heartbeat ticks continue while a worker computes.
import asyncio, time


def crunch(n):
    s = 0
    for i in range(n):
        s += i % 7
    return s


async def heartbeat(ticks):
    while True:
        await asyncio.sleep(0.01)
        ticks[0] += 1


async def main():
    loop = asyncio.get_running_loop()
    ticks = [0]
    hb = asyncio.create_task(heartbeat(ticks))
    before = ticks[0]
    result = await loop.run_in_executor(None, crunch, 10_000_000)
    print("result:", result)
    print("heartbeat ticked while the thread computed:", ticks[0] - before > 3)
    before = ticks[0]
    result = crunch(10_000_000)
    print("result again:", result)
    print("ticks while computing in the loop thread:", ticks[0] - before)
    hb.cancel()


asyncio.run(main())
