# A TaskGroup waits for all its tasks before the `async with` block ends; create_task(name=...) renames the task
# after it took its Task-N number; the group's repr shows its tasks while it runs.
import asyncio


async def work(i):
    await asyncio.sleep(0.01 * i)
    print("work", i, "done")
    return i * i


async def main():
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(work(i), name=f"w{i}") for i in range(3)]
        tasks.append(tg.create_task(work(3)))
        print([t.get_name() for t in tasks])
        print(repr(tg))
        await asyncio.sleep(0.015)
        print(repr(tg), [t.done() for t in tasks])
    print(repr(tg))
    print([t.result() for t in tasks])
    extra = asyncio.create_task(work(0))
    print(extra.get_name())
    await extra


asyncio.run(main())
