# except* with a TaskGroup: clauses handle the group's failures by type (one clause may await), unmatched
# failures propagate as a new ExceptionGroup with the TaskGroup's traceback, uncaught here.
import asyncio


async def fail(exc, d):
    await asyncio.sleep(d)
    raise exc


async def main():
    for round_ in range(2):
        try:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(fail(ValueError(round_), 0.1))
                tg.create_task(fail(KeyError(round_), 0.1))
        except* ValueError as eg:
            for e in eg.exceptions:
                print("value", e)
                await asyncio.sleep(0.01)
                print("slept in the clause")
        except* KeyError as eg:
            print("key", eg.exceptions)
        finally:
            print("finally", round_)
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail(ValueError("v"), 0.1))
        tg.create_task(fail(TypeError("t"), 0.1))


async def outer():
    try:
        await main()
    except* ValueError:
        print("outer handled the ValueError")


asyncio.run(outer())
