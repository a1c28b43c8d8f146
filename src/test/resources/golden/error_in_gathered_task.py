# Rule: an exception in one gathered task is re-raised in main and, uncaught,
# ends the program; the traceback starts in main and continues in the task.
import asyncio


async def worker(i):
    await asyncio.sleep(0.01 * i)
    if i == 2:
        raise RuntimeError(f"worker {i} crashed")
    print(f"worker {i} ok")
    return i


async def main():
    results = await asyncio.gather(*[worker(i) for i in range(4)])
    print(results)


asyncio.run(main())
