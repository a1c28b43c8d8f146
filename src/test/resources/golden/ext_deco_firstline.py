# Rule: a decorated function's code starts at its first decorator line (co_firstlineno):
# a task whose decorated coroutine has not started shows that line in its repr, and an
# exception thrown into a decorated generator or coroutine before it ran is reported at
# the decorator line, with that line quoted.
import asyncio


def deco(f):
    return f


@deco
@deco
def numbers():
    yield 1


@deco
async def job():
    await asyncio.sleep(1)


g = numbers()
try:
    g.throw(ValueError("thrown into a generator that never ran"))
except ValueError as e:
    print("ValueError:", e, "at line", e.__traceback__.tb_next.tb_lineno)
print(numbers.__code__.co_firstlineno, job.__code__.co_firstlineno)


async def main():
    t = asyncio.create_task(job())
    print(t)
    t.cancel()
    await t


asyncio.run(main())
