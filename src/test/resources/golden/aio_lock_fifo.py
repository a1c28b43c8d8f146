# Rule: asyncio.Lock hands the lock to waiters oldest first: release() completes the
# first waiter's future, and that task holds the lock from its next step; a waiter
# cancelled in the queue is skipped; releasing an unlocked lock is RuntimeError.
import asyncio

ticks = 0
since = [0]


async def ticker():
    global ticks
    while True:
        ticks += 1
        await asyncio.sleep(0)


def elapsed():
    return f"+{ticks - since[0]}"


async def worker(lock, name, hold):
    print(f"{name} wants the lock (locked={lock.locked()})")
    try:
        await lock.acquire()
    except asyncio.CancelledError:
        print(f"{elapsed()}: {name} cancelled while waiting")
        raise
    try:
        print(f"{elapsed()}: {name} holds it")
        await asyncio.sleep(hold)
    finally:
        since[0] = ticks
        lock.release()
        print(f"{elapsed()}: {name} released it")


async def main():
    t = asyncio.create_task(ticker())
    lock = asyncio.Lock()
    ws = [asyncio.create_task(worker(lock, f"w{i}", 0.01)) for i in range(4)]
    await asyncio.sleep(0.005)
    since[0] = ticks
    ws[2].cancel()
    res = await asyncio.gather(*ws, return_exceptions=True)
    print([type(r).__name__ for r in res], lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(await lock.acquire(), lock.locked())
    lock.release()
    t.cancel()


asyncio.run(main())
