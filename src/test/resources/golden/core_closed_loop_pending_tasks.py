# Old-style loop: run_until_complete returns while tasks still wait, and loop.close() drops them; at exit each is reported as destroyed while pending, first the task nothing referred to (its coroutine closed by the garbage collector), then the one a global variable kept.
import asyncio


async def background(n):
    await asyncio.sleep(10)
    print("never", n)


async def main():
    global kept
    kept = asyncio.create_task(background(1))
    asyncio.create_task(background(2))
    await asyncio.sleep(0.1)
    print("main done")


loop = asyncio.get_event_loop()
loop.run_until_complete(main())
loop.close()
print("closed", loop.is_closed())
