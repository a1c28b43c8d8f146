# Rule: cancelling a task while it waits inside an async generator (in an await of the
# generator's own): the CancelledError is thrown into the generator at that await, its
# except and finally blocks run, and the cancellation reaches the consumer's `async for`.
import asyncio


async def sensor():
    try:
        n = 0
        while True:
            await asyncio.sleep(0.5)
            yield n
            n += 1
    except asyncio.CancelledError:
        print("sensor: cancelled while waiting")
        raise
    finally:
        print("sensor: closed")


async def monitor():
    try:
        async for value in sensor():
            print("monitor got", value)
    except asyncio.CancelledError:
        print("monitor: cancelled")
        raise


async def main():
    task = asyncio.create_task(monitor())
    await asyncio.sleep(1.2)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("main: monitor cancelled =", task.cancelled())


asyncio.run(main())
