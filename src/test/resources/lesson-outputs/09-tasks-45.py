import asyncio

async def job(i, delay):
    await asyncio.sleep(delay)
    if i == 2:
        raise ValueError('boom')
    print(f'job {i} done')
    return i

async def main():
    delays = [0.3, 0.1, 0.2, 0.9]
    tasks = [asyncio.create_task(job(i, d)) for i, d in enumerate(delays)]
    try:
        results = await asyncio.gather(*tasks, return_exceptions=False)
        print('results:', results)
    except ValueError as e:
        print('caught', e)
    try:
        result = await asyncio.wait_for(tasks[3], timeout=0.5)
        print('job 3 returned', result)
    except TimeoutError:
        print('gave up waiting for job 3')
    print('job 3 cancelled:', tasks[3].cancelled())

asyncio.run(main())
