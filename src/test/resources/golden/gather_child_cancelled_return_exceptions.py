# Rule: with return_exceptions=True a cancelled child shows up in the
# results as a CancelledError instance and gather itself succeeds.
import asyncio


async def child(i):
    await asyncio.sleep(0.02 * (i + 1))
    if i == 0:
        raise RuntimeError("first child broke")
    return i


async def main():
    tasks = [asyncio.create_task(child(i)) for i in range(4)]
    await asyncio.sleep(0)
    tasks[2].cancel()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    print(results)
    print([type(r).__name__ for r in results])
    print(isinstance(results[2], asyncio.CancelledError), isinstance(results[2], Exception))


asyncio.run(main())
