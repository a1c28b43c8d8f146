# Rule: create_task only schedules the first step with call_soon; tasks start
# in creation order once the creator yields, not when they are created.
import asyncio


async def hello(name):
    print(f"{name} starts as {asyncio.current_task().get_name()}")
    await asyncio.sleep(0)
    print(f"{name} resumes")


async def main():
    t3 = asyncio.create_task(hello("third-made-first"))
    t1 = asyncio.create_task(hello("first-made-second"))
    print("main: created", t3.get_name(), "and", t1.get_name())
    for i in range(3):
        print(f"main: still running without yielding ({i})")
    t2 = asyncio.create_task(hello("made-last"))
    print("main: created", t2.get_name(), "- now yielding")
    await asyncio.sleep(0)
    print("main: back after one yield")
    await asyncio.sleep(0)
    print("main: back after two yields")
    await t2
    print("main: done")


asyncio.run(main())
