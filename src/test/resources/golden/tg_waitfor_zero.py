# wait_for with a timeout of zero or less cancels the awaitable before it runs and waits for it: a coroutine
# wrapped in a task is cancelled at its start (for asyncio.sleep its `async def` line is in the traceback);
# a future already done gives its result or exception at once.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.set_result(5)
    print(await asyncio.wait_for(fut, 0))
    fut = loop.create_future()
    fut.set_exception(KeyError("k"))
    try:
        await asyncio.wait_for(fut, -1)
    except KeyError as e:
        print("exception", repr(e))
    await asyncio.wait_for(asyncio.sleep(1), 0)


asyncio.run(main())
