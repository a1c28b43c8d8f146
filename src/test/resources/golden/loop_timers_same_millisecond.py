# Rule: the selector waits whole milliseconds (epoll rounds the timeout up),
# so timers due within the same millisecond as the earliest one fire in the
# same loop iteration: two tasks that started sleeping 0.2 s one after the
# other both resume before a task woken by the first one's release starts.
import asyncio


async def download(sem, n, log):
    await sem.acquire()
    try:
        log.append(f"start {n}")
        await asyncio.sleep(0.2)
        log.append(f"end {n}")
    finally:
        sem.release()


async def main():
    sem = asyncio.Semaphore(2)
    log = []
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    await asyncio.gather(*(download(sem, n, log) for n in range(5)))
    for entry in log:
        print(entry)
    print(f"{loop.time() - t0:.1f}s")


asyncio.run(main())
