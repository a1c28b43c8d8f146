# Rule: lesson-9 style: several jobs with seeded random delays gathered;
# one raises 'boom'; main catches it, then looks at every task.
import asyncio, random


async def job(i):
    delay = random.random() / 2
    print(f"job {i} sleeps {delay:.3f}")
    await asyncio.sleep(delay)
    if i == 1:
        raise ValueError("boom")
    print(f"job {i} returns")
    return i


async def main():
    random.seed(7)
    tasks = [asyncio.create_task(job(i)) for i in range(4)]
    try:
        results = await asyncio.gather(*tasks)
        print("results", results)
    except Exception as e:
        print("caught", e)
    await asyncio.sleep(0.4)
    for t in tasks:
        if t.exception() is not None:
            print(t.get_name(), "failed with", repr(t.exception()))
        else:
            print(t.get_name(), "returned", t.result())


asyncio.run(main())
