# Rule: a RuntimeError raised by a plain function called from a coroutine:
# the traceback mixes coroutine and function frames; exit code 1.
import asyncio


def validate(n):
    if n > 2:
        raise RuntimeError(f"value {n} too large")
    return n


def check_all(values):
    return [validate(v) for v in values]


async def main():
    print(check_all([1, 2]))
    await asyncio.sleep(0)
    print(check_all([1, 2, 3]))


asyncio.run(main())
