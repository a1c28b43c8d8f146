# Rule: a task that raised is done (not cancelled); awaiting it raises the
# same exception object in the awaiter, as many times as it is awaited.
import asyncio


async def fail(n):
    await asyncio.sleep(0)
    if n > 1:
        raise KeyError(n)
    return n


async def main():
    ok = asyncio.create_task(fail(1))
    broken = asyncio.create_task(fail(2))
    for t in [ok, broken]:
        try:
            r = await t
            print(t.get_name(), "returned", r)
        except KeyError as e:
            print(t.get_name(), "raised", repr(e), "args", e.args)
    print("states:", ok.done(), ok.cancelled(), broken.done(), broken.cancelled())
    print("exception():", ok.exception(), repr(broken.exception()))
    for i in range(2):
        try:
            await broken
        except KeyError as e:
            print("awaited again:", type(e).__name__, e is broken.exception())


asyncio.run(main())
