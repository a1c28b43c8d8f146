# Rule: an unfinished async generator is finalised (aclose() in a new task) when the
# program lets go of it: `del`, rebinding its variable, the return of the function whose
# variable held it (also inside a dict there), or the end of the `except` block that
# handled the exception whose traceback held it; one still referenced (returned, or kept
# by another task) is not.
import asyncio

KEEP = {}


async def resource(label):
    try:
        yield 1
        yield 2
    finally:
        print(f"  {label}: closed in {asyncio.current_task().get_name()}")


async def holder(gen):
    await asyncio.sleep(0.1)
    print("  holder still reads", await anext(gen))


async def worker():
    g = resource("worker variable")
    await anext(g)
    raise ValueError("worker failed")


async def returned():
    g = resource("returned")
    await anext(g)
    return g


async def main():
    g = resource("deleted")
    await anext(g)
    del g
    print("after del")
    await asyncio.sleep(0)
    g = resource("rebound")
    await anext(g)
    g = None
    print("after rebinding")
    await asyncio.sleep(0)
    box = {"gen": resource("in a dict")}
    await anext(box["gen"])
    try:
        await worker()
    except ValueError as e:
        print("caught", e)
    print("after except")
    await asyncio.sleep(0)
    kept = await returned()
    KEEP["kept"] = kept
    shared = resource("shared with a task")
    await anext(shared)
    t = asyncio.create_task(holder(shared))
    del shared
    await t
    print("main returns")


asyncio.run(main())
print("done")
