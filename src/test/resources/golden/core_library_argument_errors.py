# Wrong arguments to asyncio's functions and loop methods written in Python give Python's messages (missing, too many, unexpected keyword); call_later with a string delay fails adding it to loop.time().
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    calls = [
        lambda: asyncio.sleep(),
        lambda: asyncio.sleep(1, 2, 3),
        lambda: asyncio.sleep(1, delay=2),
        lambda: asyncio.sleep(1, seconds=2),
        lambda: asyncio.wait_for(),
        lambda: asyncio.wait_for(None, 1, 2),
        lambda: asyncio.create_task(),
        lambda: asyncio.create_task(None, "name"),
        lambda: asyncio.create_task(None, nam="x"),
        lambda: asyncio.all_tasks(1, 2),
        lambda: asyncio.run(),
        lambda: loop.call_soon(),
        lambda: loop.call_soon(print, "a", sep="-"),
        lambda: loop.call_later(1),
        lambda: loop.call_at(),
        lambda: loop.call_later("soon", print),
        lambda: loop.create_future(1),
        lambda: loop.run_in_executor(None),
        lambda: loop.time(0),
        lambda: asyncio.Future(1),
    ]
    for i, call in enumerate(calls):
        try:
            call()
            print(i, "no error")
        except TypeError as e:
            print(i, "TypeError:", e)


asyncio.run(main())
