# Rule: a task that failed and whose exception nobody retrieved is reported
# on stderr as "Task exception was never retrieved" when it is destroyed.
import asyncio


async def fail(tag):
    await asyncio.sleep(0)
    raise ValueError(f"nobody looked at {tag}")


async def main():
    asyncio.create_task(fail("first"))
    t = asyncio.create_task(fail("second"))
    await asyncio.sleep(0.01)
    print("main: task done:", t.done())
    print("main: returning without retrieving the exceptions")


asyncio.run(main())
print("after asyncio.run")
