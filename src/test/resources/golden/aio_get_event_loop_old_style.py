# Rule: the pre-3.7 style still works in 3.12: asyncio.get_event_loop()
# outside a running loop makes a new loop in the main thread (with a
# DeprecationWarning), run_until_complete runs coroutines, tasks and gathers
# on it and returns their result or raises their exception; after
# asyncio.run has set and unset the current loop, get_event_loop() fails.
import asyncio


async def hello(n):
    await asyncio.sleep(0.1)
    return f"hello {n}"


async def fail():
    await asyncio.sleep(0.1)
    raise ValueError("old style failure")


async def main():
    loop = asyncio.get_event_loop()
    print("inside:", loop is asyncio.get_running_loop(), loop.is_running())
    return await hello("main")


loop = asyncio.get_event_loop()
print(asyncio.get_event_loop() is loop, loop.is_running(), loop.is_closed())
print(loop.run_until_complete(hello(1)))
t = loop.create_task(hello(2))
print(loop.run_until_complete(t), t.done())
print(loop.run_until_complete(asyncio.gather(hello(3), hello(4))))
print(loop.run_until_complete(main()))
try:
    loop.run_until_complete(fail())
except ValueError as e:
    print("caught:", e)
loop.close()
print("closed:", loop.is_closed())
print(asyncio.run(hello(5)))
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print("after asyncio.run:", e)
