# Rule: when main returns, asyncio.run cancels every task still pending and
# runs them until they finish: their except CancelledError/finally print.
import asyncio


async def background(name, d):
    try:
        print(f"{name}: sleeping {d}")
        await asyncio.sleep(d)
        print(f"{name}: woke up")
    except asyncio.CancelledError:
        print(f"{name}: cancelled by asyncio.run")
        raise
    finally:
        print(f"{name}: finally")


async def main():
    asyncio.create_task(background("fast", 0.01))
    asyncio.create_task(background("slow-1", 5))
    asyncio.create_task(background("slow-2", 5))
    await asyncio.sleep(0.05)
    print("main: returning")
    return "main result"


print("asyncio.run returned", asyncio.run(main()))
print("program end")
