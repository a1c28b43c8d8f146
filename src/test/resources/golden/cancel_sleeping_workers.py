# Rule: cancelling tasks that sleep on long timers ends them at once (their
# timer handles are cancelled), so the program does not wait 10 seconds.
import asyncio, time


async def worker(i):
    try:
        await asyncio.sleep(10 + i)
    except asyncio.CancelledError:
        print(f"worker {i} cancelled")
        raise


async def main():
    t0 = time.perf_counter()
    ws = [asyncio.create_task(worker(i)) for i in range(3)]
    await asyncio.sleep(0.1)
    for i in range(len(ws) - 1, -1, -1):
        ws[i].cancel()
    results = await asyncio.gather(*ws, return_exceptions=True)
    print([type(r).__name__ for r in results])
    print(f"elapsed {time.perf_counter() - t0:.1f}s")


asyncio.run(main())
