# Rule: asyncio.as_completed() yields awaitables that give results in completion order;
# each result arrives two loop iterations after its task finished (done callback, then
# the queue's getter); an exception is raised by the await that receives it.
import asyncio

ticks = 0
since = [0]


async def ticker():
    global ticks
    while True:
        ticks += 1
        await asyncio.sleep(0)


async def job(n, fail=False):
    await asyncio.sleep(n / 100)
    since[0] = ticks
    print(f"job {n} finishes")
    if fail:
        raise RuntimeError(f"job {n} failed")
    return n


async def main():
    tick = asyncio.create_task(ticker())
    tasks = [asyncio.create_task(job(n, fail=(n == 2))) for n in (3, 1, 2, 4)]
    for aw in asyncio.as_completed(tasks):
        try:
            r = await aw
            print(f"+{ticks - since[0]}: got {r}")
        except RuntimeError as e:
            print(f"+{ticks - since[0]}: raised {e}")
    print("task names:", [t.get_name() for t in tasks], asyncio.current_task().get_name())
    tick.cancel()


asyncio.run(main())
