# Rule: awaiting a failed task re-raises its exception in the awaiter; the
# uncaught traceback shows main's await and the task's own frames.
import asyncio


async def compute(x):
    await asyncio.sleep(0.01)
    return 10 // x


async def main():
    good = asyncio.create_task(compute(5))
    bad = asyncio.create_task(compute(0))
    print("good:", await good)
    print("bad:", await bad)


asyncio.run(main())
