# Rule: async generators chained into a pipeline over an asyncio.Queue, and one that holds
# an asyncio.Lock across its yield (`async with` inside the generator): the lock stays held
# while the consumer's body runs, so two consumers alternate.
import asyncio


async def producer(queue):
    for i in range(4):
        await queue.put(i)
        await asyncio.sleep(0.01)
    await queue.put(None)


async def drain(queue):
    while (item := await queue.get()) is not None:
        yield item


async def doubled(items):
    async for item in items:
        yield item * 2


async def guarded(lock, name):
    for i in range(2):
        async with lock:
            yield f"{name}{i}"


async def consumer(lock, name):
    async for token in guarded(lock, name):
        print("consumer", name, "holds", token, lock.locked())
        await asyncio.sleep(0)


async def main():
    queue = asyncio.Queue()
    task = asyncio.create_task(producer(queue))
    print([x async for x in doubled(drain(queue))])
    await task
    lock = asyncio.Lock()
    await asyncio.gather(consumer(lock, "a"), consumer(lock, "b"))


asyncio.run(main())
