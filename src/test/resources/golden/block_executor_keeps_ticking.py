# Rule: lesson-10 pattern: await loop.run_in_executor(None, blocking) runs the
# blocking call in a worker thread, so the heartbeat keeps its schedule.
import asyncio, time


def blocking(seconds):
    time.sleep(seconds)
    return "done"


async def heartbeat(t0, ticks):
    while True:
        await asyncio.sleep(0.1)
        ticks.append(round(time.perf_counter() - t0, 1))


async def main():
    loop = asyncio.get_running_loop()
    t0 = time.perf_counter()
    ticks = []
    hb = asyncio.create_task(heartbeat(t0, ticks))
    result = await loop.run_in_executor(None, blocking, 0.55)
    print(result)
    print("ticks while waiting:", ticks)
    hb.cancel()


asyncio.run(main())
