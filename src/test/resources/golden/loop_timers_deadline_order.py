# Rule: asyncio.sleep(d) sets a timer; timers fire in deadline order, not in
# creation order; equal delays started in order fire in that order.
import asyncio


async def sleeper(name, d, t0):
    loop = asyncio.get_running_loop()
    await asyncio.sleep(d)
    print(f"{name} woke after {d} at {loop.time() - t0:.1f}")
    return name


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    tasks = [
        asyncio.create_task(sleeper("slow", 0.3, t0)),
        asyncio.create_task(sleeper("fast", 0.1, t0)),
        asyncio.create_task(sleeper("mid-1", 0.2, t0)),
        asyncio.create_task(sleeper("mid-2", 0.2, t0)),
        asyncio.create_task(sleeper("mid-3", 0.2, t0)),
    ]
    print(await asyncio.gather(*tasks))


asyncio.run(main())
