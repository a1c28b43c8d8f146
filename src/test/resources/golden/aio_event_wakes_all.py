# Rule: Event.set() completes the future of every waiting task at once, so they all
# resume in the next loop iteration, in the order they started waiting; wait() on an
# event that is already set returns True without suspending.
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


async def waiter(ev, name):
    print(f"{name} waits, is_set={ev.is_set()}")
    r = await ev.wait()
    print(f"{elapsed()}: {name} woke with {r}")


async def main():
    t = asyncio.create_task(ticker())
    ev = asyncio.Event()
    ws = [asyncio.create_task(waiter(ev, f"w{i}")) for i in range(3)]
    await asyncio.sleep(0.01)
    since[0] = ticks
    print(f"{elapsed()}: main sets the event")
    ev.set()
    ev.set()
    print(f"{elapsed()}: main set it, is_set={ev.is_set()}")
    await asyncio.gather(*ws)
    print(f"{elapsed()}: gather returned")
    since[0] = ticks
    print(f"{elapsed()}: already set:", await ev.wait())
    ev.clear()
    late = asyncio.create_task(waiter(ev, "late"))
    await asyncio.sleep(0.01)
    since[0] = ticks
    ev.set()
    await late
    print(f"{elapsed()}: done")
    t.cancel()


asyncio.run(main())
