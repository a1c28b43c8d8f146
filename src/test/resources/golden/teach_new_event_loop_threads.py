# each thread runs its own event loop made with new_event_loop
import asyncio
import threading

async def fetch(tag, n):
    await asyncio.sleep(0.1 * n)
    return f"{tag}:{n}"

def thread_main(tag, results):
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        coros = [fetch(tag, n) for n in range(3)]
        results[tag] = loop.run_until_complete(asyncio.gather(*coros))
        print(tag, "loop is the current one:", asyncio.get_event_loop() is loop)
    finally:
        loop.close()

results = {}
ts = [threading.Thread(target=thread_main, args=(tag, results)) for tag in ("x", "y")]
for t in ts:
    t.start()
    t.join()
print(sorted(results.items()))
main_loop = asyncio.new_event_loop()
print(main_loop.is_running(), main_loop.is_closed())
asyncio.set_event_loop(main_loop)
print(asyncio.get_event_loop() is main_loop)
print(main_loop.run_until_complete(fetch("main", 2)))
asyncio.set_event_loop(None)
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
main_loop.close()
