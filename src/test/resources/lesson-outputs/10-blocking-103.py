import asyncio
from concurrent.futures import ProcessPoolExecutor

def crunch(n):
    total = 0
    for i in range(n):
        total += i % 7
    return total

async def main():
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor(max_workers=2) as pool:
        first = loop.run_in_executor(pool, crunch, 1_000_000)
        second = loop.run_in_executor(pool, crunch, 2_000_000)
        print('both jobs submitted; the loop is free meanwhile')
        print(await asyncio.gather(first, second))

if __name__ == "__main__":
    asyncio.run(main())
