# Rule: awaiting a coroutine directly runs it inside the current task at once
# (same name, no extra iteration); create_task makes a new task that starts later.
import asyncio


async def child(label):
    print(f"{label}: running in {asyncio.current_task().get_name()}")
    return label.upper()


async def main():
    print("main is", asyncio.current_task().get_name())
    r1 = await child("direct")
    print("after direct await:", r1)
    t = asyncio.create_task(child("task"))
    print("task created:", t.get_name(), "done:", t.done())
    r2 = await t
    print("after task await:", r2, "done:", t.done())
    r3 = await child("direct again")
    print("after second direct await:", r3)


asyncio.run(main())
