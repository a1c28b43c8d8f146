# Rule: one gathered task that calls time.sleep delays every other task:
# their timers fire late, in deadline order, right after it returns.
import asyncio, time


async def polite(name, d, t0):
    await asyncio.sleep(d)
    print(f"{name} woke at {time.perf_counter() - t0:.1f} (wanted {d})")
    return name


async def rude(t0):
    await asyncio.sleep(0.08)
    print(f"rude blocks at {time.perf_counter() - t0:.1f}")
    time.sleep(0.4)
    print(f"rude done at {time.perf_counter() - t0:.1f}")
    return "rude"


async def main():
    t0 = time.perf_counter()
    out = await asyncio.gather(polite("p1", 0.2, t0), rude(t0), polite("p2", 0.1, t0),
                               polite("p3", 0.7, t0))
    print(out, f"total {time.perf_counter() - t0:.1f}")


asyncio.run(main())
