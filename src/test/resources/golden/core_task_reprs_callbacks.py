# Task reprs name their done callbacks as asyncio does (Python callbacks with file:line), show where library coroutines (sleep, wait_for) are suspended, and gather returns a _GatheringFuture.
import asyncio


def on_done(fut):
    print("on_done", fut.get_name())


class Watcher:
    def seen(self, fut):
        print("Watcher.seen", fut.get_name())


async def work():
    await asyncio.sleep(0.5)
    return "w"


async def main():
    print(asyncio.current_task())
    t = asyncio.create_task(work(), name="worker")
    t.add_done_callback(on_done)
    print(t)
    t.add_done_callback(Watcher().seen)
    t.add_done_callback(lambda f: print("lambda sees", f.result()))
    print(t)
    g = asyncio.gather(t)
    print(type(g).__name__, g)
    s = asyncio.create_task(asyncio.sleep(1))
    z = asyncio.create_task(asyncio.sleep(0))
    w = asyncio.create_task(asyncio.wait_for(work(), 2))
    for task in (s, z, w):
        print(task)
    await asyncio.sleep(0)
    for task in (s, z, w):
        print(task)
    print(await g, g)
    await asyncio.sleep(2)
    for task in (s, z, w):
        print(task)


asyncio.run(main())
