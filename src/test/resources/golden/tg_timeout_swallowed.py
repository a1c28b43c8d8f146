# A CancelledError from an expired timeout that the block catches: the block goes on, the timer does not fire
# again, and leaving the block raises no TimeoutError (the exit sees no CancelledError); cancelling() shows the
# pending request until the exit takes it back.
import asyncio


async def main():
    task = asyncio.current_task()
    try:
        async with asyncio.timeout(0.1) as cm:
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print("swallowed; cancelling =", task.cancelling(), "expired =", cm.expired())
            await asyncio.sleep(0.2)
            print("slept again")
        print("block left normally, expired =", cm.expired())
    except TimeoutError:
        print("TimeoutError")
    print("cancelling =", task.cancelling())


asyncio.run(main())
