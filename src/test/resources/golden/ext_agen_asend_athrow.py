# Rule: asend(v) resumes an async generator with v as the value of its yield; athrow(exc)
# raises exc at the yield (the generator may catch it and yield again, or let it out);
# aclose() throws GeneratorExit and returns None; once finished, asend/__anext__ raise
# StopAsyncIteration and aclose() returns None; the awaitables cannot be awaited twice.
import asyncio


async def accumulator():
    total = 0
    try:
        while True:
            try:
                value = yield total
            except ValueError as e:
                print("  accumulator rejects", e)
                continue
            total += value
    finally:
        print("  accumulator closes at", total)


async def main():
    acc = accumulator()
    print(await acc.asend(None))
    print(await acc.asend(5))
    print(await acc.asend(7))
    print(await acc.athrow(ValueError("negative")))
    print(await acc.asend(1))
    print(await acc.aclose())
    print(await acc.aclose())
    try:
        await acc.asend(3)
    except StopAsyncIteration:
        print("StopAsyncIteration after close")
    fresh = accumulator()
    step = fresh.asend(None)
    print(await step)
    try:
        await step
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        await fresh.athrow(KeyError("k"))
    except KeyError as e:
        print("KeyError escaped:", e)
    print(await fresh.aclose())
    unstarted = accumulator()
    try:
        await unstarted.asend(1)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
