# Rule: run_in_executor(None, ...) uses the loop's default thread pool;
# awaiting the futures gives the function results, exceptions re-raised.
import asyncio, time


def square(x):
    time.sleep(0.05)
    return x * x


def fails(x):
    raise ValueError(f"bad {x}")


async def main():
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, square, 7))
    futs = [loop.run_in_executor(None, square, x) for x in [3, 1, 2]]
    print(await asyncio.gather(*futs))
    try:
        await loop.run_in_executor(None, fails, 5)
    except ValueError as e:
        print("caught from thread:", repr(e))
    results = await asyncio.gather(loop.run_in_executor(None, fails, 1),
                                   loop.run_in_executor(None, square, 4),
                                   return_exceptions=True)
    print(results)


asyncio.run(main())
