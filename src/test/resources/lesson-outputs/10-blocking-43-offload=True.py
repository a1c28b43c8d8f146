import asyncio, time

OFFLOAD = True

def blocking():
    time.sleep(1.0)
    return 'report'

async def heartbeat():
    last = time.perf_counter()
    for i in range(12):
        now = time.perf_counter()
        if now - last > 0.3:
            print('tick', i, '(late!)')
        else:
            print('tick', i)
        last = now
        await asyncio.sleep(0.1)

async def main():
    loop = asyncio.get_running_loop()
    beat = asyncio.create_task(heartbeat())
    await asyncio.sleep(0.05)
    print('calling blocking()')
    start = time.perf_counter()
    if OFFLOAD:
        result = await loop.run_in_executor(None, blocking)
    else:
        result = blocking()
    print(f'got {result} after {time.perf_counter() - start:.1f}s')
    await beat

asyncio.run(main())
