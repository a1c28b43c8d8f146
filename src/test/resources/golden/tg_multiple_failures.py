# Several TaskGroup tasks failing in the same loop iteration are all collected: the group holds every
# exception in the order the tasks finished, and except* clauses take the parts they match.
import asyncio


async def check(i):
    await asyncio.sleep(0.1)
    if i % 3 == 0:
        raise ValueError(f"bad value {i}")
    if i % 3 == 1:
        raise TypeError(f"bad type {i}")
    return i


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            for i in range(6):
                tg.create_task(check(i))
    except* ValueError as eg:
        print("values:", [str(e) for e in eg.exceptions])
        print(repr(eg))
    except* TypeError as eg:
        print("types:", [str(e) for e in eg.exceptions])
    try:
        async with asyncio.TaskGroup() as tg:
            for i in range(2):
                tg.create_task(check(i))
    except ExceptionGroup as eg:
        print(eg, eg.message, len(eg.exceptions))


asyncio.run(main())
