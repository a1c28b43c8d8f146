# Rule: sleep(0) never waits for a timer: yielding tasks keep running every
# iteration, while a task in sleep(0.05) wakes only after its deadline.
import asyncio


async def spinner(counts):
    while counts["timer_done"] == 0:
        counts["spins"] += 1
        await asyncio.sleep(0)
    print("spinner saw the timer task finish")


async def timer_task(counts):
    await asyncio.sleep(0.05)
    counts["timer_done"] = 1
    print("timer task woke")


async def main():
    counts = {"spins": 0, "timer_done": 0}
    s = asyncio.create_task(spinner(counts))
    t = asyncio.create_task(timer_task(counts))
    await t
    await s
    print("spins more than 100:", counts["spins"] > 100)
    print("state:", s.done(), t.done())


asyncio.run(main())
