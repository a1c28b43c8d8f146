# Rule: result()/exception() of a pending task raise InvalidStateError;
# on a cancelled task both raise CancelledError.
import asyncio

async def slow():
    await asyncio.sleep(1)

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
    print("cancel() ->", t.cancel())
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


asyncio.run(main())
