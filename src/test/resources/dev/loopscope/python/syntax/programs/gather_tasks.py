import asyncio, random
async def job(i):
    await asyncio.sleep(random.random())
    if i==2: raise ValueError('boom')
    return i

async def main():
    tasks=[asyncio.create_task(job(i)) for i in range(4)]
    try:
        results = await asyncio.gather(*tasks)
    except Exception as e:
        print('caught', e)
asyncio.run(main())
