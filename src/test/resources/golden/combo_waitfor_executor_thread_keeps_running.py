# Rule: wait_for timing out on run_in_executor cancels only the asyncio
# future; the worker thread keeps running, and asyncio.run waits for it
# when it shuts the default executor down.
import asyncio, time


def slow_io(t0):
    time.sleep(0.5)
    print(f"thread: finished anyway at {time.perf_counter() - t0:.1f}")
    return "late result"


async def main():
    loop = asyncio.get_running_loop()
    t0 = time.perf_counter()
    fut = loop.run_in_executor(None, slow_io, t0)
    try:
        await asyncio.wait_for(fut, timeout=0.1)
    except TimeoutError:
        print(f"main: timed out at {time.perf_counter() - t0:.1f}, future cancelled: {fut.cancelled()}")
    print("main: returning")
    return t0


t0 = asyncio.run(main())
print(f"asyncio.run returned at {time.perf_counter() - t0:.1f}")
