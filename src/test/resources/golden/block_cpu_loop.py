# Rule: a CPU-bound loop inside a coroutine blocks the loop just like
# time.sleep: no other task advances until it finishes.
import asyncio


async def ticker(count):
    while True:
        count[0] += 1
        await asyncio.sleep(0)


async def main():
    count = [0]
    t = asyncio.create_task(ticker(count))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    before = count[0]
    total = sum(range(2_000_000))
    s = 0
    for i in range(300_000):
        s += i * i
    print("sums:", total, s)
    print("ticker advanced during the CPU work:", count[0] - before)
    await asyncio.sleep(0)
    print("ticker advanced after one yield:", count[0] - before)
    t.cancel()


asyncio.run(main())
