# Rule: wait_for around a gather: on timeout the gather is cancelled, so the
# unfinished children are cancelled too; the finished ones keep results.
import asyncio


async def job(i, d):
    try:
        await asyncio.sleep(d)
        print(f"job {i} done")
        return i
    except asyncio.CancelledError:
        print(f"job {i} cancelled")
        raise


async def main():
    tasks = [asyncio.create_task(job(i, d)) for i, d in enumerate([0.02, 0.3, 0.04, 0.5])]
    try:
        await asyncio.wait_for(asyncio.gather(*tasks), timeout=0.1)
    except TimeoutError:
        print("gather timed out")
    for t in tasks:
        state = "cancelled" if t.cancelled() else f"result {t.result()}"
        print(t.get_name(), state)


asyncio.run(main())
