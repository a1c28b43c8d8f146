# calling asyncio.run from inside a coroutine, a common mistake
import asyncio

async def fetch(n):
    await asyncio.sleep(0.1)
    return n * 2

async def main():
    try:
        result = asyncio.run(fetch(1))
    except RuntimeError as e:
        print("RuntimeError:", e)
    print("awaited instead:", await fetch(2))
    print("still in main")

asyncio.run(main())
print("after main")
asyncio.run(main())
