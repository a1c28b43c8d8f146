# Rule: cancelling a task before its first step means its body never runs
# (not even a try/finally inside it); it still gets cancelled() == True.
import asyncio


async def body(name):
    try:
        print(f"{name}: body started")
        await asyncio.sleep(0)
    finally:
        print(f"{name}: finally")


async def main():
    a = asyncio.create_task(body("a"))
    b = asyncio.create_task(body("b"))
    print("cancel a:", a.cancel())
    print("a before yielding:", a.done(), a.cancelled())
    await asyncio.sleep(0)
    print("a after one yield:", a.done(), a.cancelled())
    print("b after one yield:", b.done())
    await b
    print("b:", b.done(), b.cancelled())


asyncio.run(main())
