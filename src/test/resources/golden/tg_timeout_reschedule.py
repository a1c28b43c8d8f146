# Timeout.reschedule moves the deadline while the block runs (later, earlier, into the past, or None to
# disable it); reschedule before entering or after leaving, and entering twice, raise RuntimeError.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        async with asyncio.timeout(1) as cm:
            await asyncio.sleep(0.1)
            cm.reschedule(loop.time() + 0.07)
            print("rescheduled to", round(cm.when() - start, 1))
            await asyncio.sleep(1)
    except TimeoutError:
        print("expired at", round(loop.time() - start, 1), cm.expired())
    start = loop.time()
    async with asyncio.timeout(0.1) as cm:
        cm.reschedule(None)
        await asyncio.sleep(0.3)
    print("disabled:", round(loop.time() - start, 1), cm.when())
    try:
        async with asyncio.timeout(5) as cm:
            cm.reschedule(loop.time() - 5)
            print("deadline in the past")
            await asyncio.sleep(0)
            print("not printed")
    except TimeoutError:
        print("past deadline fires at the next iteration")
    cm = asyncio.timeout(1)
    try:
        cm.reschedule(2)
    except RuntimeError as e:
        print(e)
    async with cm:
        pass
    for action in (lambda: cm.reschedule(2), None):
        try:
            if action:
                action()
            else:
                async with cm:
                    pass
        except RuntimeError as e:
            print(e)


asyncio.run(main())
