# Rule: if a task raises a new exception while asyncio.run is cancelling it,
# the loop's exception handler reports it on stderr; the program still exits 0.
import asyncio


async def messy():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("messy: cancelled, cleanup fails")
        raise RuntimeError("cleanup failed")


async def tidy():
    try:
        await asyncio.sleep(5)
    finally:
        await asyncio.sleep(0.02)
        print("tidy: finally, after the failing cleanup")


async def main():
    asyncio.create_task(messy())
    asyncio.create_task(tidy())
    await asyncio.sleep(0)
    print("main: done")


asyncio.run(main())
print("exit normally")
