# Rule: task numbers show what shutdown_asyncgens closes: generators that finished, or that
# the program let go of, are gone from the loop's set, so it makes no aclose() task for
# them; one still referenced at the end (KEEP) gets its own task, so the next
# asyncio.run's first task number goes up by one more.
import asyncio

KEEP = []


async def pair():
    yield "a"
    yield "b"


async def main():
    async for x in pair():
        print(x)
    print([y async for y in pair()])
    g = pair()
    async for z in g:
        pass
    try:
        async for w in pair():
            raise ValueError(w)
    except ValueError as e:
        print("ValueError", e)
    print("main in", asyncio.current_task().get_name())


async def keep_one():
    g = pair()
    KEEP.append(g)
    print(await anext(g), "in", asyncio.current_task().get_name())


async def show():
    print("show in", asyncio.current_task().get_name())


asyncio.run(main())
asyncio.run(show())
asyncio.run(keep_one())
asyncio.run(show())
