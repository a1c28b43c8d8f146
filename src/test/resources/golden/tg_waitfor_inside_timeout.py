# asyncio.wait_for is built on timeout() in 3.12: wait_for inside an `async with timeout()` block, each
# converting only its own expiry into TimeoutError, leaves cancelling() at 0; a coroutine that swallows the
# cancellation makes wait_for return its value instead.
import asyncio


async def slow():
    await asyncio.sleep(1)


async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("stubborn ignores the cancel")
    return "stubborn result"


async def main():
    try:
        await asyncio.wait_for(slow(), 0.1)
    except TimeoutError as e:
        print("wait_for timed out; cause:", repr(e.__cause__), e.__cause__ is e.__context__)
    async with asyncio.timeout(0.5):
        try:
            await asyncio.wait_for(slow(), 0.1)
        except TimeoutError:
            print("inner wait_for expired")
        await asyncio.sleep(0.2)
        print("outer block still running")
    try:
        async with asyncio.timeout(0.1):
            await asyncio.wait_for(slow(), 0.5)
    except TimeoutError:
        print("outer timeout expired first")
    print("cancelling =", asyncio.current_task().cancelling())
    print(await asyncio.wait_for(stubborn(), 0.1))
    async with asyncio.timeout(0.5):
        print(await asyncio.wait_for(asyncio.sleep(0.01, "value"), 1))


asyncio.run(main())
