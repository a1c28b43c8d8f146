# Rule: as_completed(timeout=...) makes every await still waiting when the time is up
# raise TimeoutError; coroutines passed to it are wrapped in new tasks; the remaining
# tasks keep running.
import asyncio


async def job(n):
    await asyncio.sleep(n / 10)
    print(f"job {n} finishes")
    return n


async def main():
    slow = asyncio.create_task(job(5))
    got = []
    try:
        for aw in asyncio.as_completed([job(1), slow, job(2)], timeout=0.25):
            got.append(await aw)
            print("got", got[-1])
    except TimeoutError as e:
        print("TimeoutError", repr(e), "after", got)
    print("slow still running:", not slow.done())
    print("slow result:", await slow)
    print(sorted(t.get_name() for t in asyncio.all_tasks()))


asyncio.run(main())
