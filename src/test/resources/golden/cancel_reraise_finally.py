# Rule: catching CancelledError, doing cleanup and re-raising with a bare
# raise keeps the task cancelled; except, finally and the caller all see it.
import asyncio


async def job(name):
    try:
        try:
            print(f"{name}: working")
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print(f"{name}: except CancelledError, re-raising")
            raise
        finally:
            print(f"{name}: inner finally")
    finally:
        print(f"{name}: outer finally")


async def main():
    t = asyncio.create_task(job("J"))
    await asyncio.sleep(0.01)
    t.cancel()
    print("main: cancel requested")
    try:
        await t
    except asyncio.CancelledError as e:
        print("main: caught", type(e).__name__)
    print("cancelled:", t.cancelled(), "done:", t.done())


asyncio.run(main())
