# Rule: try/except/else/finally order, tuples of exception types, bare raise
# re-raising the same exception object up to asyncio.run.
import asyncio


async def step(n):
    await asyncio.sleep(0)
    if n == 0:
        return 1 / n
    if n == 1:
        return {"a": 1}["b"]
    return n


async def main():
    for n in [2, 0, 1]:
        try:
            v = await step(n)
        except (ZeroDivisionError, KeyError) as e:
            print(f"n={n}: except {type(e).__name__}: {e}")
        else:
            print(f"n={n}: else, value {v}")
        finally:
            print(f"n={n}: finally")
    try:
        await step(0)
    except ZeroDivisionError:
        print("re-raising")
        raise


asyncio.run(main())
