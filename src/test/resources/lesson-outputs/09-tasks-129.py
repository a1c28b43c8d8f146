import asyncio

async def save():
    raise ValueError('disk full')

async def main():
    task = asyncio.create_task(save())
    await asyncio.sleep(0.1)
    print('main finished; task done:', task.done())

asyncio.run(main())
