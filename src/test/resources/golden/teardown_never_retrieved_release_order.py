# Rule: failed tasks that only main's variables refer to are reported when
# main returns and its frame is cleared, in the order the frame lets go of
# them: variables in order of first use, a list or tuple last item first, a
# dict in insertion order (not the order in which the tasks failed).
import asyncio


async def fail(tag, delay):
    await asyncio.sleep(delay)
    raise ValueError(f"{tag} failed")


async def main():
    later = asyncio.create_task(fail("later", 0.02))
    sooner = asyncio.create_task(fail("sooner", 0.01))
    batch = [asyncio.create_task(fail(f"batch-{i}", 0.03 + i / 100)) for i in range(3)]
    pair = (asyncio.create_task(fail("pair-a", 0.07)), asyncio.create_task(fail("pair-b", 0.06)))
    by_name = {"x": asyncio.create_task(fail("dict-x", 0.09)), "y": asyncio.create_task(fail("dict-y", 0.08))}
    await asyncio.sleep(0.2)
    print("main returns without looking at any task")


asyncio.run(main())
print("after asyncio.run")
