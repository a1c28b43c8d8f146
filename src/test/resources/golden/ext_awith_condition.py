# Rule: asyncio.Condition with `async with`: wait() releases the lock and takes it again
# after notify(); notify(n) wakes the first n waiters in order, notify_all() the rest;
# wait_for(predicate) re-checks after each wake-up; calling wait() or notify() without
# the lock raises RuntimeError.
import asyncio


def state(primitive):
    """The bracketed state at the end of an asyncio primitive's repr (its address varies)."""
    text = repr(primitive)
    return text[text.index("["):]


async def consumer(cond, queue, name):
    async with cond:
        print(name, "waits", state(cond))
        await cond.wait_for(lambda: queue)
        print(name, "takes", queue.pop(0))


async def producer(cond, queue):
    for item in range(3):
        await asyncio.sleep(0.1)
        async with cond:
            queue.append(item)
            print("put", item)
            cond.notify()


async def main():
    cond = asyncio.Condition()
    queue = []
    consumers = [asyncio.create_task(consumer(cond, queue, f"c{i}")) for i in range(3)]
    await producer(cond, queue)
    await asyncio.gather(*consumers)

    async def sleeper(n):
        async with cond:
            woken = await cond.wait()
            print("sleeper", n, "woken", woken)

    sleepers = [asyncio.create_task(sleeper(n)) for n in range(4)]
    await asyncio.sleep(0)
    async with cond:
        cond.notify(2)
        print("notified two", state(cond))
    await asyncio.sleep(0)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*sleepers)
    for call in (cond.notify, cond.wait):
        try:
            result = call()
            if asyncio.iscoroutine(result):
                await result
        except RuntimeError as e:
            print("RuntimeError:", e)
    print(state(cond))


asyncio.run(main())
