# Rule: result()/exception() of a pending task raise InvalidStateError;
# on a cancelled task both raise CancelledError; on a failed task result()
# re-raises the task's exception.
import asyncio


async def slow():
    await asyncio.sleep(1)


async def bad():
    raise ValueError("bad input")


async def main():
    t = asyncio.create_task(slow())
    try:
        t.result()
    except Exception as e:
        print("result() pending:", type(e).__name__, str(e))
    try:
        t.exception()
    except Exception as e:
        print("exception() pending:", type(e).__name__, str(e))
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("await cancelled task raised CancelledError")
    try:
        t.exception()
    except asyncio.CancelledError as e:
        print("exception() cancelled:", type(e).__name__, repr(e))
    try:
        t.result()
    except asyncio.CancelledError as e:
        print("result() cancelled:", type(e).__name__)
    b = asyncio.create_task(bad())
    await asyncio.sleep(0)
    print("failed task:", b.done(), b.cancelled(), repr(b.exception()))
    try:
        b.result()
    except ValueError as e:
        print("result() re-raises:", repr(e))


asyncio.run(main())
