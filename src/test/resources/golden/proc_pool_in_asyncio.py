# Rule: run_in_executor with a ProcessPoolExecutor offloads CPU work to
# other processes; the event loop keeps running meanwhile.
import asyncio
from concurrent.futures import ProcessPoolExecutor

def fib(n):
    a, b = 0, 1
    for i in range(n):
        a, b = b, a + b
    return a

def heavy(n):
    s = 0
    for i in range(n):
        s += i % 3
    return s

async def ticker(count):
    while True:
        await asyncio.sleep(0.005)
        count[0] += 1

async def main():
    loop = asyncio.get_running_loop()
    count = [0]
    t = asyncio.create_task(ticker(count))
    with ProcessPoolExecutor(max_workers=2) as pool:
        small = await asyncio.gather(*[loop.run_in_executor(pool, fib, n) for n in [10, 50, 90]])
        print(small)
        big = await loop.run_in_executor(pool, heavy, 3_000_000)
        print(big)
    print("loop ticked while workers computed:", count[0] > 5)
    t.cancel()

if __name__ == "__main__":
    asyncio.run(main())
