# Rule: task.cancel("why") carries the message into the CancelledError seen
# inside the task and by the awaiter (version-dependent; recorded for 3.12).
import asyncio


async def sleeper():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print("inside:", repr(e), e.args)
        raise


async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    t.cancel("shutting down")
    try:
        await t
    except asyncio.CancelledError as e:
        print("awaiter:", repr(e), e.args)
    try:
        t.result()
    except asyncio.CancelledError as e:
        print("result():", repr(e), e.args)


asyncio.run(main())
