# Rule: gather() of nothing is an already-finished future with []; gather of
# one coroutine still makes a task for it; results are always lists.
import asyncio


async def one():
    print("one runs in", asyncio.current_task().get_name())
    return 1


async def main():
    g = asyncio.gather()
    print("empty gather done before await:", g.done())
    print(await g)
    g1 = asyncio.gather(one())
    print("single gather done before await:", g1.done())
    print(await g1)
    print(await asyncio.gather(*[one() for i in range(2)]))


asyncio.run(main())
