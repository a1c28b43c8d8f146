# Rule: time.sleep inside a coroutine freezes the whole loop: a heartbeat
# that should tick every 0.1 s misses its ticks while the loop is blocked.
import asyncio, time


async def heartbeat(t0, ticks):
    while True:
        await asyncio.sleep(0.1)
        ticks.append(round(time.perf_counter() - t0, 1))


async def main():
    t0 = time.perf_counter()
    ticks = []
    hb = asyncio.create_task(heartbeat(t0, ticks))
    await asyncio.sleep(0.32)
    print("ticks before blocking:", ticks)
    time.sleep(0.5)
    print("ticks right after time.sleep:", ticks)
    await asyncio.sleep(0.35)
    print("ticks at the end:", ticks)
    print("tick count:", len(ticks), "(an unblocked loop would have about 11)")
    hb.cancel()


asyncio.run(main())
