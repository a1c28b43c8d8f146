# a loop made in the main thread and run by a worker thread
import asyncio
import threading

async def job(n):
    await asyncio.sleep(0.05)
    print("job", n, "on", threading.current_thread().name)
    return n * 2

loop = asyncio.new_event_loop()

def runner():
    print(loop.run_until_complete(job(1)))
    try:
        asyncio.get_event_loop()
    except RuntimeError as e:
        print("RuntimeError:", e)

t = threading.Thread(target=runner, name="loop-thread")
t.start()
t.join()
print(loop.run_until_complete(job(2)))
loop.close()
print(loop.is_closed())
