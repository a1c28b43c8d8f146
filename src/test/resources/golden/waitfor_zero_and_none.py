# Rule: wait_for(x, 0) wraps a coroutine in a task, cancels it before it runs
# and raises TimeoutError (the body never runs); a finished task with
# timeout 0 returns its result; timeout=None waits as long as needed.
import asyncio


async def body(tag):
    print(f"{tag}: body runs in {asyncio.current_task().get_name()}")
    await asyncio.sleep(0.05)
    return tag


async def main():
    try:
        await asyncio.wait_for(body("zero"), 0)
    except TimeoutError as e:
        print("timeout 0:", type(e).__name__)
    done = asyncio.create_task(body("done-first"))
    await done
    print("timeout 0 on finished task:", await asyncio.wait_for(done, 0))
    print("timeout None:", await asyncio.wait_for(body("none"), None))
    t = asyncio.create_task(body("negative"))
    try:
        await asyncio.wait_for(t, -1)
    except TimeoutError:
        print("negative timeout: TimeoutError, task cancelled:", t.cancelled())


asyncio.run(main())
