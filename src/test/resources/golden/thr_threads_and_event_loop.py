# Rule: a plain thread and an asyncio loop run side by side: the thread sleeps without
# holding the GIL, so the loop's timers keep firing, and the thread hands its result to
# the loop with call_soon_threadsafe.
import asyncio
import threading
import time


def background(loop, fut):
    time.sleep(0.25)
    print("thread done in", threading.current_thread().name)
    loop.call_soon_threadsafe(fut.set_result, "from the thread")


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    t = threading.Thread(target=background, args=(loop, fut), name="bg")
    t.start()
    for i in range(2):
        await asyncio.sleep(0.1)
        print("tick", i, "thread alive:", t.is_alive())
    print(await fut)
    t.join()
    print("loop thread:", threading.current_thread().name, threading.active_count())


asyncio.run(main())
