# Rule: when main raises, its frame stays alive in the exception's traceback
# together with the tasks its variables refer to (a reference cycle through
# the main task), so an unretrieved failure is reported only by the garbage
# collector at exit, after everything else, even if the exception was caught.
import asyncio
import sys


async def background(tag):
    await asyncio.sleep(0.1)
    raise ValueError(f"{tag} broke")


async def main(tag):
    helper = asyncio.create_task(background(tag))
    await asyncio.sleep(0.2)
    raise RuntimeError(f"main {tag} broke too")


try:
    asyncio.run(main("first"))
except RuntimeError as e:
    print("caught:", e, file=sys.stderr)
print("between the runs", file=sys.stderr)
asyncio.run(main("second"))
