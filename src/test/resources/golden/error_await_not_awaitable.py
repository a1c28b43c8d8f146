# Rule: awaiting something that is not awaitable is TypeError "object int
# can't be used in 'await' expression" (the type's name, not the value), also
# when wait_for awaits it; gather refuses it before awaiting anything.
import asyncio


async def main():
    try:
        await 5
    except TypeError as e:
        print("await 5:", e)
    try:
        await asyncio.gather(1, 2)
    except TypeError as e:
        print("gather(1, 2):", e)
    try:
        await asyncio.wait_for("soon", None)
    except TypeError as e:
        print("wait_for('soon', None):", e)
    await asyncio.wait_for([1, 2], timeout=1)


asyncio.run(main())
