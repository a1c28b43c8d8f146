# Rule: decorating coroutine functions: a wraps()-based async wrapper awaits the wrapped
# coroutine inside the same task (no extra task, no extra loop iteration), so the
# interleaving with a sleep(0) ticker is the undecorated one; a task's repr names the
# wrapper's code and line; iscoroutinefunction sees the async wrapper.
import asyncio
import functools

log = []


def timed(f):
    @functools.wraps(f)
    async def wrapper(*args):
        log.append(f"enter {f.__name__}{args}")
        try:
            return await f(*args)
        finally:
            log.append(f"exit {f.__name__}{args}")
    return wrapper


@timed
async def step(name, n):
    for i in range(n):
        log.append(f"{name} {i}")
        await asyncio.sleep(0)
    return name * n


async def ticker():
    for i in range(4):
        log.append(f"tick {i}")
        await asyncio.sleep(0)


async def main():
    t = asyncio.create_task(ticker())
    u = asyncio.create_task(step("b", 2))
    print(u)
    print(await step("a", 2))
    await t
    print(await u)
    print("\n".join(log))
    print(asyncio.iscoroutinefunction(step), step.__name__, step.__wrapped__.__qualname__)


asyncio.run(main())
