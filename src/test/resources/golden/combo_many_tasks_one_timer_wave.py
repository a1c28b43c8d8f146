# Rule: a thousand tasks sleeping 0.3 s complete together after about 0.3 s
# (asyncio overlaps waits); results keep argument order.
import asyncio, time


async def tiny(i):
    await asyncio.sleep(0.3)
    return i % 7


async def main():
    t0 = time.perf_counter()
    results = await asyncio.gather(*[tiny(i) for i in range(1000)])
    print(len(results), sum(results), results[0], results[999])
    print(f"elapsed {time.perf_counter() - t0:.1f}s")
    print("last task:", asyncio.create_task(tiny(0)).get_name())


asyncio.run(main())
