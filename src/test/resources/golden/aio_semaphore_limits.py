# Rule: asyncio.Semaphore(n) lets n tasks in at once and wakes the next waiter, oldest
# first, when one releases; BoundedSemaphore refuses a release above its initial value
# and a negative initial value is ValueError.
import asyncio


async def worker(sem, i, log):
    await sem.acquire()
    log.append(f"in {i}")
    print(f"worker {i} in (locked={sem.locked()})")
    await asyncio.sleep([0.05, 0.02, 0.04, 0.03, 0.01][i])
    sem.release()
    print(f"worker {i} out")


async def main():
    log = []
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(worker(sem, i, log) for i in range(5)))
    print(log, sem.locked())
    b = asyncio.BoundedSemaphore(1)
    print(await b.acquire(), b.locked())
    b.release()
    try:
        b.release()
    except ValueError as e:
        print("ValueError:", e)
    for cls in (asyncio.Semaphore, asyncio.BoundedSemaphore):
        try:
            cls(-1)
        except ValueError as e:
            print(cls.__name__, "ValueError:", e)
    print("a plain semaphore may go above its start:", end=" ")
    s = asyncio.Semaphore(0)
    s.release()
    s.release()
    print(s.locked(), await s.acquire(), await s.acquire(), s.locked())


asyncio.run(main())
