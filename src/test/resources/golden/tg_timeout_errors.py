# asyncio.timeout outside a running loop raises RuntimeError from timeouts.py; a delay that is not a number
# fails in timeout() itself, and a deadline that is not a number fails when the block is entered, in
# Timeout.reschedule (with CPython's library lines in the traceback).
import asyncio

try:
    asyncio.timeout(1)
except RuntimeError as e:
    print("outside a loop:", e)
cm = asyncio.timeout_at(5)
print(repr(cm), cm.when(), cm.expired())


async def bad_delay():
    try:
        asyncio.timeout("soon")
    except TypeError as e:
        print("delay:", e)


async def bad_deadline():
    async with asyncio.timeout_at("later"):
        pass


asyncio.run(bad_delay())
asyncio.run(bad_deadline())
