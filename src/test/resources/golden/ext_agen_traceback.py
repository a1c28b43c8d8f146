# Rule: an exception raised inside an async generator reaches the `async for` that
# consumes it: the traceback goes through the consumer's `async for` line into the
# generator's frame.
import asyncio


async def parse(lines):
    for n, line in enumerate(lines, 1):
        await asyncio.sleep(0)
        yield n, int(line)


async def total(lines):
    result = 0
    async for n, value in parse(lines):
        print("line", n, "->", value)
        result += value
    return result


async def main():
    print(await total(["1", "2"]))
    print(await total(["3", "four", "5"]))


asyncio.run(main())
