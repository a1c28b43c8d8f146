# an event loop in a background thread, fed with run_coroutine_threadsafe
import asyncio
import threading
import time

async def fetch(name, delay):
    await asyncio.sleep(delay)
    if name == "bad":
        raise ConnectionError(f"{name} unreachable")
    return f"{name} done on {threading.current_thread().name}"

loop = asyncio.new_event_loop()
runner = threading.Thread(target=loop.run_forever, name="loop-thread", daemon=True)
runner.start()

futures = [asyncio.run_coroutine_threadsafe(fetch(n, d), loop) for n, d in [("a", 0.2), ("b", 0.1), ("bad", 0.15)]]
print(type(futures[0]).__module__, type(futures[0]).__name__)
for f in futures:
    try:
        print(f.result(timeout=1))
    except ConnectionError as e:
        print("error:", e)

slow = asyncio.run_coroutine_threadsafe(fetch("slow", 5), loop)
try:
    slow.result(timeout=0.3)
except TimeoutError:
    print("slow timed out; cancelling:", slow.cancel())
time.sleep(0.1)
print(slow.cancelled(), slow.done())

try:
    asyncio.run_coroutine_threadsafe(fetch, loop)
except TypeError as e:
    print("TypeError:", e)

loop.call_soon_threadsafe(loop.stop)
runner.join()
print("loop running:", loop.is_running())
loop.close()
print(asyncio.isfuture(slow), asyncio.isfuture(loop.create_future()))
