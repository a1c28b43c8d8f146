# Rule: loop.set_default_executor(pool) makes run_in_executor(None, ...) and asyncio.to_thread use that ThreadPoolExecutor (its thread names, its max_workers); any other executor is a TypeError; asyncio.run shuts it down at the end and waits for its calls.
import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor


def work(i):
    time.sleep(0.2)
    return threading.current_thread().name


def late():
    time.sleep(0.5)
    print("late job finished before asyncio.run returned")


async def main():
    loop = asyncio.get_running_loop()
    try:
        loop.set_default_executor(ProcessPoolExecutor(max_workers=1))
    except TypeError as e:
        print("TypeError:", e)
    loop.set_default_executor(ThreadPoolExecutor(max_workers=2, thread_name_prefix="mine"))
    t0 = loop.time()
    names = await asyncio.gather(*(loop.run_in_executor(None, work, i) for i in range(4)))
    elapsed = loop.time() - t0
    print(sorted(names), "two waves of 0.2 s:", 0.38 < elapsed < 0.6)
    print((await asyncio.to_thread(work, 9)).startswith("mine_"))
    loop.run_in_executor(None, late)


asyncio.run(main())
print("done")
