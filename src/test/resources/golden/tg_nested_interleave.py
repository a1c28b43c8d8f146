# An inner TaskGroup inside an outer one: the inner block waits only for its own tasks while the outer group's
# task keeps running; tasks created later in the outer block start after the inner group has exited.
import asyncio


async def child(i):
    print("child", i, "start", asyncio.current_task().get_name())
    await asyncio.sleep(0)
    print("child", i, "middle")
    await asyncio.sleep(0)
    print("child", i, "end")


async def main():
    print("main", asyncio.current_task().get_name())
    async with asyncio.TaskGroup() as outer:
        outer.create_task(child(1))
        async with asyncio.TaskGroup() as inner:
            inner.create_task(child(2))
            inner.create_task(child(3))
            print("inner body done")
        print("inner exited")
        outer.create_task(child(4))
        print("outer body done")
    print("outer exited")


asyncio.run(main())
