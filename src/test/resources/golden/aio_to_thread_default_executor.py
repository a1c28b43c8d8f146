# Rule: asyncio.to_thread(func, *args, **kwargs) runs func in the loop's default executor
# (threads asyncio_0, asyncio_1...), creates no task, and the loop keeps running while the
# thread sleeps; an exception raised in func reaches the awaiting coroutine.
import asyncio
import threading
import time


def blocking(name, delay, *, extra=""):
    time.sleep(delay)
    return f"{name} ran in {threading.current_thread().name}{extra}"


def failing():
    raise KeyError("missing")


async def heartbeat():
    for i in range(4):
        print("beat", i)
        await asyncio.sleep(0.1)


async def main():
    hb = asyncio.create_task(heartbeat())
    await asyncio.sleep(0)
    r = await asyncio.to_thread(blocking, "first", 0.25, extra=" (with kwargs)")
    print(r)
    r1, r2 = await asyncio.gather(asyncio.to_thread(blocking, "a", 0.1), asyncio.to_thread(blocking, "b", 0.1))
    # Which of the two idle-or-new workers takes which call is a race in CPython; the pair is not.
    print(r1.split()[0], r2.split()[0], sorted({r1.split()[-1], r2.split()[-1]}))
    try:
        await asyncio.to_thread(failing)
    except KeyError as e:
        print("KeyError", e)
    await hb
    print(asyncio.create_task(asyncio.sleep(0)).get_name())


asyncio.run(main())
