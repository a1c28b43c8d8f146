# asyncio.Future() made by the program: set_result/set_exception, reprs, InvalidStateError, and the "Future exception was never retrieved" report when main lets go of a failed future.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    f = asyncio.Future()
    print(f, f.get_loop() is loop)
    loop.call_later(0.1, f.set_result, 99)
    print(await f, f)
    try:
        f.set_result(1)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    g = asyncio.Future(loop=loop)
    g.set_exception(ValueError("seen"))
    print(g)
    try:
        await g
    except ValueError as e:
        print("await raised", repr(e))
    h = loop.create_future()
    try:
        h.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    h.cancel("why")
    print(h, h.cancelled())
    try:
        h.result()
    except asyncio.CancelledError as e:
        print("CancelledError", e.args)
    lost = loop.create_future()
    lost.set_exception(KeyError("nobody looks"))
    await asyncio.sleep(0)
    print("main returns")


asyncio.run(main())
print("after run")
