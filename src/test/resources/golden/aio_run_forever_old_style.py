# Rule: loop.run_forever() runs callbacks and tasks until loop.stop() is
# called (from a callback or a task) and returns None; closing a loop while
# it runs raises RuntimeError from the selector event loop's close().
import asyncio


def tick(loop, n):
    print("tick", n, round(loop.time() - start, 1))
    if n < 3:
        loop.call_later(0.1, tick, loop, n + 1)
    else:
        loop.stop()


async def ping():
    await asyncio.sleep(0.1)
    print("ping")
    asyncio.get_running_loop().stop()


async def closer():
    asyncio.get_running_loop().close()


loop = asyncio.get_event_loop()
start = loop.time()
loop.call_soon(tick, loop, 1)
print(loop.run_forever(), loop.is_running())
t = loop.create_task(ping())
loop.run_forever()
print(t.done(), t.result())
loop.run_until_complete(closer())
