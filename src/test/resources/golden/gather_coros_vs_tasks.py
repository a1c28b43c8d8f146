# Rule: gather wraps bare coroutines in new tasks (new Task-N names, started
# in argument order); tasks passed in are used as they are.
import asyncio


async def who(tag):
    await asyncio.sleep(0)
    return f"{tag}@{asyncio.current_task().get_name()}"


async def main():
    t1 = asyncio.create_task(who("pre1"))
    t2 = asyncio.create_task(who("pre2"))
    mixed = await asyncio.gather(who("c1"), t2, who("c2"), t1)
    print(mixed)
    again = await asyncio.gather(t1, t2)
    print("re-gathering finished tasks:", again)
    print(await asyncio.gather())


asyncio.run(main())
