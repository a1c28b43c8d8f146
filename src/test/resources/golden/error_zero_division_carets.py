# Rule: ZeroDivisionError from an expression: 3.12 tracebacks underline the
# failing operation with ~ and ^ (caret lines).
import asyncio


def ratio(a, b):
    return a / b


async def average(values, count):
    total = sum(values)
    return total // count + ratio(total, count - len(values))


async def main():
    print(await average([1, 2, 3], 6))
    print(await average([4, 5], 2))


asyncio.run(main())
