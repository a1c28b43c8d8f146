# Rule: asyncio.wait() returns (done, pending) sets without creating tasks: with
# FIRST_COMPLETED it returns one iteration after the first future's done callback runs,
# with FIRST_EXCEPTION at the first failure, with ALL_COMPLETED when all are done; a
# timeout returns what is done so far and raises nothing.
import asyncio


async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    print(f"{name} finishes")
    if fail:
        raise ValueError(name)
    return name


def names(tasks):
    return sorted(t.get_name() for t in tasks)


async def main():
    a = asyncio.create_task(job("a", 0.3), name="a")
    b = asyncio.create_task(job("b", 0.1), name="b")
    c = asyncio.create_task(job("c", 0.2, fail=True), name="c")
    done, pending = await asyncio.wait([a, b, c], return_when=asyncio.FIRST_COMPLETED)
    print("first completed:", names(done), names(pending))
    done, pending = await asyncio.wait([a, b, c], timeout=0.05)
    print("after a short timeout:", names(done), names(pending))
    done, pending = await asyncio.wait([a, b, c], return_when=asyncio.FIRST_EXCEPTION)
    print("first exception:", names(done), names(pending), repr(c.exception()))
    done, pending = await asyncio.wait([a, c, a])
    print("all completed:", names(done), names(pending), type(done).__name__)
    t = asyncio.create_task(asyncio.sleep(0))
    print("next task is", t.get_name())
    await t


asyncio.run(main())
