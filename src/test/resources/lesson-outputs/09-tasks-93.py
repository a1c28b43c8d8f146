import asyncio

async def download(name):
    print(name, 'started')
    try:
        await asyncio.sleep(5)
        print(name, 'finished')
    except asyncio.CancelledError:
        print(name, 'cancelled, cleaning up')
        raise

async def main():
    task = asyncio.create_task(download('report.pdf'))
    await asyncio.sleep(0.1)
    print('cancel() returned', task.cancel())
    try:
        await task
    except asyncio.CancelledError:
        print('main: the task was cancelled')
    print('done:', task.done(), 'cancelled:', task.cancelled())
    print('cancel() again returns', task.cancel())

asyncio.run(main())
