# Timeouts inside TaskGroup tasks: a task whose own timeout expires fails with TimeoutError, which cancels its
# siblings; the group's ExceptionGroup holds the TimeoutError, printed with its CancelledError cause.
import asyncio


async def worker(n):
    try:
        async with asyncio.timeout(0.1 * n):
            await asyncio.sleep(0.25)
            return n
    finally:
        print("worker", n, "leaves")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            a = tg.create_task(worker(3))
            b = tg.create_task(worker(4))
        print(a.result(), b.result())
    except* TimeoutError:
        print("unexpected")
    async with asyncio.TaskGroup() as tg:
        for n in (1, 4):
            tg.create_task(worker(n))


asyncio.run(main())
