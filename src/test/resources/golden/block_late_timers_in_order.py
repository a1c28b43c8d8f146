# Rule: timers that fell due while the loop was blocked all fire late, in the
# next loop iteration, in deadline order (not in creation order).
import asyncio, time


async def sleeper(name, d, t0):
    await asyncio.sleep(d)
    print(f"{name} (due {d}) woke at {time.perf_counter() - t0:.1f}")


async def main():
    t0 = time.perf_counter()
    tasks = [asyncio.create_task(sleeper("c", 0.3, t0)),
             asyncio.create_task(sleeper("a", 0.1, t0)),
             asyncio.create_task(sleeper("b", 0.2, t0)),
             asyncio.create_task(sleeper("late", 0.8, t0))]
    await asyncio.sleep(0)
    print("main blocks the loop for 0.5 s")
    time.sleep(0.5)
    print(f"main unblocks at {time.perf_counter() - t0:.1f}")
    await asyncio.gather(*tasks)


asyncio.run(main())
