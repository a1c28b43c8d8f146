# Rule: gather returns results in argument order, whatever order the
# awaitables finish in.
import asyncio


async def job(name, d):
    await asyncio.sleep(d)
    print(f"{name} finished")
    return f"{name}:{d}"


async def main():
    results = await asyncio.gather(job("a", 0.3), job("b", 0.1), job("c", 0.2), job("d", 0))
    print(results)
    for i, r in enumerate(results):
        print(i, r)


asyncio.run(main())
