# Rule: tasks cancelled during asyncio.run teardown may still await in their
# cleanup; asyncio.run waits for them all. (They are cancelled in set order,
# so the prints come only after cleanup sleeps of different lengths.)
import asyncio, time


async def saver(i):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        await asyncio.sleep(0.06 * (i + 1))
        print(f"saver {i}: flushed")
        await asyncio.sleep(0)
        print(f"saver {i}: closing")
        return i


async def main():
    for i in range(3):
        asyncio.create_task(saver(i))
    await asyncio.sleep(0)
    print("main: leaving")


t0 = time.perf_counter()
asyncio.run(main())
print(f"teardown took {time.perf_counter() - t0:.1f}s")
