# Rule: nested wait_for: the inner, shorter timeout fires first and is caught
# inside; the outer one fires later and its TimeoutError reaches main.
import asyncio


async def inner_work():
    try:
        await asyncio.sleep(1)
    finally:
        print("inner_work: finally")


async def middle():
    try:
        await asyncio.wait_for(inner_work(), timeout=0.05)
    except TimeoutError:
        print("middle: inner timed out, sleeping again")
    try:
        await asyncio.sleep(1)
    finally:
        print("middle: finally")


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    try:
        await asyncio.wait_for(middle(), timeout=0.2)
    except TimeoutError as e:
        print("main:", type(e).__name__, f"at {loop.time() - t0:.1f}")


asyncio.run(main())
