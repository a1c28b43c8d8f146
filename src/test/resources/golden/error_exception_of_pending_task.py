# Rule: calling exception() on a task that is still pending raises
# InvalidStateError; uncaught, its traceback names the class with its module
# (asyncio.exceptions.InvalidStateError) and exits with code 1.
import asyncio


async def job(i):
    await asyncio.sleep(0.1 * i)
    return i


async def main():
    tasks = [asyncio.create_task(job(i)) for i in range(3)]
    await asyncio.sleep(0.15)
    for t in tasks:
        print(t.get_name(), "done:", t.done())
        print(t.get_name(), "exception():", t.exception())


asyncio.run(main())
