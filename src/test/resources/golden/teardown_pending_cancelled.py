# Rule: when main returns, asyncio.run cancels every task still pending and
# runs them until they finish: their except CancelledError/finally print.
# (asyncio.run cancels them in set order, not creation order, so here the
# second pending task sleeps briefly before printing to fix the order.)
import asyncio


async def background(name, d, pause):
    try:
        print(f"{name}: sleeping {d}")
        await asyncio.sleep(d)
        print(f"{name}: woke up")
    except asyncio.CancelledError:
        await asyncio.sleep(pause)
        print(f"{name}: cancelled by asyncio.run")
        raise
    finally:
        print(f"{name}: finally")


async def main():
    asyncio.create_task(background("fast", 0.01, 0))
    asyncio.create_task(background("slow-1", 5, 0))
    asyncio.create_task(background("slow-2", 5, 0.02))
    await asyncio.sleep(0.05)
    print("main: returning")
    return "main result"


print("asyncio.run returned", asyncio.run(main()))
print("program end")
