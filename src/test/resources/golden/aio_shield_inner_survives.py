# Rule: asyncio.shield() protects the inner task: cancelling the task that awaits the
# shield cancels only the outer future, the inner task runs on to its end; a finished
# inner result reaches whoever awaits the inner task later.
import asyncio


async def important():
    print("important starts")
    await asyncio.sleep(0.2)
    print("important finishes")
    return "saved"


async def caller(inner):
    try:
        return await asyncio.shield(inner)
    except asyncio.CancelledError:
        print("caller cancelled, inner done?", inner.done())
        raise


async def main():
    inner = asyncio.create_task(important())
    c = asyncio.create_task(caller(inner))
    await asyncio.sleep(0.1)
    c.cancel()
    try:
        await c
    except asyncio.CancelledError:
        print("caller is cancelled:", c.cancelled(), "inner cancelled:", inner.cancelled())
    print("inner result:", await inner)
    print("shield of a finished task:", await asyncio.shield(inner))
    print("shield of a coroutine:", await asyncio.shield(asyncio.sleep(0.01, "coro")))


asyncio.run(main())
