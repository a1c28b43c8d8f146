# Rule: current_task() is the task running the code; plain awaited
# coroutines share their caller's task, new tasks have their own name.
import asyncio


async def level3():
    return asyncio.current_task().get_name()


async def level2():
    direct = await level3()
    spawned = await asyncio.create_task(level3())
    return direct, spawned


async def level1(tag):
    a, b = await level2()
    print(f"{tag}: in {asyncio.current_task().get_name()}, direct={a}, spawned={b}")


async def main():
    await level1("main")
    t = asyncio.create_task(level1("task"))
    await t
    print("main is still", asyncio.current_task().get_name())


asyncio.run(main())
