# Rule: task numbering is process-wide: a second asyncio.run continues
# counting, so its main task is not Task-1.
import asyncio


async def child():
    return asyncio.current_task().get_name()


async def main(tag, n):
    me = asyncio.current_task().get_name()
    kids = [asyncio.create_task(child()) for i in range(n)]
    names = await asyncio.gather(*kids)
    print(f"{tag}: main={me} children={names}")
    return me


first = asyncio.run(main("first run", 2))
second = asyncio.run(main("second run", 3))
third = asyncio.run(main("third run", 0))
print(first, second, third)
