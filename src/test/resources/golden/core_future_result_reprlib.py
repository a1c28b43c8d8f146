# A finished task's or future's repr shows its result abbreviated by reprlib: at most 6 list items, 4 dict entries (sorted keys), 30 characters of a string, 40 digits of an int, nesting cut at 6 levels.
import asyncio


async def ret(value):
    await asyncio.sleep(0)
    return value


async def main():
    values = [list(range(50)), (7,), {"b": 1, "a": [1, 2], "c": 3, "d": 4, "e": 5}, {3, 1, 2}, frozenset({5, 4}),
              "s" * 40, 10 ** 50, {1: "x", "a": 2}, [[1, [2, [3, [4, [5, [6, [7]]]]]]]], set(), {}, 3.5, None]
    for value in values:
        task = asyncio.create_task(ret(value))
        await task
        print(task)
    fut = asyncio.get_running_loop().create_future()
    fut.set_result({"key": "v" * 50})
    print(fut)


asyncio.run(main())
