# Rule: time.time, time.perf_counter and loop.time all advance with real
# time; asyncio.sleep and time.sleep durations measured with each (rounded).
import asyncio, time


async def main():
    loop = asyncio.get_running_loop()
    w0, p0, l0 = time.time(), time.perf_counter(), loop.time()
    await asyncio.sleep(0.2)
    print(round(time.time() - w0, 1), round(time.perf_counter() - p0, 1), round(loop.time() - l0, 1))
    time.sleep(0.3)
    print(round(time.time() - w0, 1), round(time.perf_counter() - p0, 1), round(loop.time() - l0, 1))
    print(type(time.time()).__name__, type(loop.time()).__name__, time.time() > 1e9)


asyncio.run(main())
