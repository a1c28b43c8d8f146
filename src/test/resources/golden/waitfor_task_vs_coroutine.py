# Rule: in 3.12 wait_for awaits a coroutine inside the CALLER's task (no new
# Task-N); given a task it waits for that task and cancels it on timeout.
import asyncio


async def work(tag, d):
    print(f"{tag} runs in {asyncio.current_task().get_name()}")
    await asyncio.sleep(d)
    return tag


async def main():
    print("main is", asyncio.current_task().get_name())
    print(await asyncio.wait_for(work("coro", 0.01), timeout=1))
    t = asyncio.create_task(work("task", 0.01))
    print("made", t.get_name())
    print(await asyncio.wait_for(t, timeout=1))
    slow = asyncio.create_task(work("slow task", 1))
    try:
        await asyncio.wait_for(slow, timeout=0.05)
    except TimeoutError:
        print("slow task timed out; cancelled:", slow.cancelled(), "done:", slow.done())
    late = asyncio.create_task(work("after", 0))
    print("next task is", late.get_name(), "->", await late)


asyncio.run(main())
