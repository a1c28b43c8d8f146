# Rule: with return_exceptions=True exceptions are returned in the result
# list (in argument order) instead of being raised.
import asyncio


async def job(i):
    await asyncio.sleep(0.01 * (5 - i))
    if i % 2 == 1:
        raise ValueError("boom")
    if i == 4:
        raise ZeroDivisionError("division by zero")
    return i * 10


async def main():
    results = await asyncio.gather(*[job(i) for i in range(6)], return_exceptions=True)
    print(results)
    for r in results:
        if isinstance(r, Exception):
            print("error:", type(r).__name__, r)
        else:
            print("value:", r)
    print(repr(results[1]), str(results[1]), results[1].args)


asyncio.run(main())
