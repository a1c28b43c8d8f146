# Rule: leaving `async for` early over a generator made for the loop (break, return, or an
# exception) lets go of the unfinished generator: asyncio's finaliser schedules aclose() in
# a new task with call_soon_threadsafe, so the generator's finally block runs two loop
# iterations later, in that task, while the consumer goes on (a sleep(0) ticker shows when).
import asyncio


async def readings(label):
    try:
        for i in range(100):
            yield i
            await asyncio.sleep(0)
    finally:
        print(f"  {label}: cleanup in {asyncio.current_task().get_name()}")
        await asyncio.sleep(0)
        print(f"  {label}: cleanup done")


async def ticker():
    for i in range(16):
        print("tick", i)
        await asyncio.sleep(0)


async def first_over(limit):
    async for r in readings("return"):
        if r > limit:
            return r


async def main():
    t = asyncio.create_task(ticker())
    async for r in readings("break"):
        if r == 2:
            break
    print("after break")
    print("first over 1:", await first_over(1))
    try:
        async for r in readings("raise"):
            if r == 1:
                raise LookupError("no such reading")
    except LookupError as e:
        print("caught", e)
    await t


asyncio.run(main())
