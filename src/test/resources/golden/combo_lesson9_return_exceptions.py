# Rule: lesson-9 style with return_exceptions=True: seeded random delays,
# one job raises, all results and errors collected in argument order.
import asyncio, random


async def job(i):
    d = random.randint(1, 9) / 100
    await asyncio.sleep(d)
    print(f"job {i} after {d}")
    if i == 2:
        raise ValueError('boom')
    return i


async def main():
    random.seed(11)
    tasks = [asyncio.create_task(job(i)) for i in range(5)]
    results = await asyncio.gather(*tasks, return_exceptions=True)
    print(results)
    ok = [r for r in results if not isinstance(r, Exception)]
    print("ok:", ok, "failed:", len(results) - len(ok))


asyncio.run(main())
