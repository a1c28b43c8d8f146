# Rule: after gather propagated the first exception, a later failure of
# another child is marked retrieved by gather, so no "Task exception was
# never retrieved" is printed for it; main sees only the first.
import asyncio


async def fail(i, d):
    await asyncio.sleep(d)
    print(f"child {i} raising")
    raise ValueError(f"failure {i}")


async def main():
    try:
        await asyncio.gather(fail(1, 0.01), fail(2, 0.1))
    except ValueError as e:
        print("main caught", repr(e))
    await asyncio.sleep(0.2)
    print("main done; stderr stays empty")


asyncio.run(main())
