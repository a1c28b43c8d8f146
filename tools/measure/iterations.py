"""Count event-loop iterations (calls of BaseEventLoop._run_once) between
asyncio events, to pin down which iteration each step happens in.

Run:  python3.12 tools/measure/iterations.py
Each line prints the iteration number (1 = first iteration of the loop run
by asyncio.run) at which the event happened.  The instance attribute
_run_once is wrapped so that nothing else about the loop changes.
"""
import asyncio
import sys
import threading
import time

IT = [0]


def now():
    return IT[0]


def install():
    loop = asyncio.get_running_loop()
    orig = loop._run_once

    def counted():
        IT[0] += 1
        orig()
    loop._run_once = counted
    IT[0] = 1  # we are inside main's first step, i.e. in iteration 1


def report(label, value):
    print(f"{label:<62} {value}")


async def child_return():
    return now()


async def child_sleep0():
    await asyncio.sleep(0)
    return now()


async def sleeper(d):
    await asyncio.sleep(d)
    return now()


async def forever():
    await asyncio.sleep(3600)


def blocking(dt):
    time.sleep(dt)
    return time.monotonic()


async def main():
    install()
    start = now()
    report("main task first step runs in iteration", start)
    report("tasks existing besides main", len(asyncio.all_tasks()) - 1)
    t = asyncio.create_task(child_return())
    r = await t
    report("task created in it. N: its first step runs in N+k, k =", r - start)
    report("  creator awaiting it resumes in N+k, k =", now() - start)
    s0 = now()
    await asyncio.sleep(0)
    report("sleep(0): resumes in N+k, k =", now() - s0)
    s0 = now()
    await child_return()
    report("await coroutine directly: iterations used", now() - s0)
    s0 = now()
    await t
    report("await already finished task: iterations used", now() - s0)
    s0 = now()
    await asyncio.sleep(0.01)
    report("sleep(0.01) with idle loop: iterations used", now() - s0)
    s0 = now()
    r = await asyncio.gather(child_return(), child_return())
    report("gather(2 coroutines returning at once): main resumes after", now() - s0)
    report("  children ran in iteration offset", [x - s0 for x in r])
    s0 = now()
    r = await asyncio.gather(child_sleep0(), child_sleep0())
    report("gather(2 coroutines doing one sleep(0)): main resumes after", now() - s0)
    a = asyncio.create_task(child_return())
    await a
    s0 = now()
    await asyncio.gather(a, a)
    report("gather(finished task twice): iterations used", now() - s0)
    s0 = now()
    try:
        await asyncio.wait_for(forever(), 0.01)
    except TimeoutError:
        report("wait_for(coroutine, 0.01) timeout: iterations used", now() - s0)
    s0 = now()
    ft = asyncio.create_task(forever())
    try:
        await asyncio.wait_for(ft, 0.01)
    except TimeoutError:
        report("wait_for(task, 0.01) timeout: iterations used", now() - s0)
    s0 = now()
    try:
        await asyncio.wait_for(forever(), 0)
    except TimeoutError:
        report("wait_for(coroutine, 0): iterations used", now() - s0)
    ct = asyncio.create_task(forever())
    await asyncio.sleep(0)
    s0 = now()
    ct.cancel()
    try:
        await ct
    except asyncio.CancelledError:
        report("cancel() sleeping task, await it: iterations until awaiter resumes", now() - s0)
    loop = asyncio.get_running_loop()
    samples = []
    for i in range(20):
        s0 = now()
        done_at = await loop.run_in_executor(None, blocking, 0.005)
        samples.append(now() - s0)
    report("run_in_executor(None, sleep 5 ms), idle loop: iterations used", sorted(set(samples)))
    samples = []
    for i in range(20):
        s0 = now()
        await loop.run_in_executor(None, int)
        samples.append(now() - s0)
    report("run_in_executor(None, trivial), idle loop: iterations used", sorted(set(samples)))
    s0 = now()
    x = asyncio.create_task(child_sleep0())
    y = asyncio.create_task(child_sleep0())
    await asyncio.sleep(0)
    x.cancel()
    r = await asyncio.gather(x, y, return_exceptions=True)
    report("gather with a child cancelled after start: iterations", now() - s0)
    report("  results", r)


if __name__ == "__main__":
    print(sys.version.split()[0])
    asyncio.run(main())
    print("total iterations", IT[0])
