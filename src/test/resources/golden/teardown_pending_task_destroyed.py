# Rule: a task created while asyncio.run cancels the others (here in a
# finally block) may still be pending when the loop closes; the garbage
# collector frees it at exit, closing its coroutine first, and reports "Task
# was destroyed but it is pending!" with the coroutine shown as done.
import asyncio


async def notify(msg, d):
    print("notify start", msg)
    await asyncio.sleep(d)
    print("notify end", msg)


async def relay(msg):
    inner = asyncio.create_task(notify(msg + " inner", 1))
    await inner


async def service(name):
    try:
        await asyncio.sleep(100)
    finally:
        print(name, "cleanup")
        asyncio.create_task(notify(name + " stopped", 0.1))
        asyncio.create_task(relay(name))


async def main():
    asyncio.create_task(service("db"))
    await asyncio.sleep(0.1)
    print("main returns")


asyncio.run(main())
print("after run")
