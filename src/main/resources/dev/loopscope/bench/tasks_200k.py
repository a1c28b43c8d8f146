# The standard benchmark: 200,000 tasks that each yield twice and return, gathered.
import asyncio


async def t():
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    return 1


async def main():
    tasks = [asyncio.create_task(t()) for _ in range(200_000)]
    results = await asyncio.gather(*tasks)
    print(sum(results))


asyncio.run(main())
