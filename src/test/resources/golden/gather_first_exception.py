# Rule: with return_exceptions=False the first exception propagates out of
# gather at once; the other children are NOT cancelled and keep running.
import asyncio


async def job(i, d):
    await asyncio.sleep(d)
    if i == 2:
        print(f"job {i} raising")
        raise ValueError(f"job {i} failed")
    print(f"job {i} done")
    return i


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    tasks = [asyncio.create_task(job(i, 0.1 * ((i + 1) % 3 + 1))) for i in range(5)]
    try:
        await asyncio.gather(*tasks)
    except ValueError as e:
        print(f"main caught {e!r} at {loop.time() - t0:.1f}")
    print("still pending:", [t.get_name() for t in tasks if not t.done()])
    await asyncio.sleep(0.4)
    print("after waiting:", [t.done() for t in tasks], [t.cancelled() for t in tasks])
    print("results:", [t.result() for t in tasks if t.exception() is None])


asyncio.run(main())
