# Rule: when the finaliser's aclose() task fails (the generator's finally raises), nobody
# retrieves its exception: "Task exception was never retrieved" names the task, whose
# coroutine is the <async_generator_athrow without __name__> awaitable, and the traceback
# shows the GeneratorExit that the cleanup was handling.
import asyncio


async def fragile():
    try:
        yield 1
        yield 2
    finally:
        print("fragile cleanup")
        raise ValueError("cleanup exploded")


async def main():
    async for v in fragile():
        print("got", v)
        break
    await asyncio.sleep(0.1)
    print("main done")


asyncio.run(main())
print("end")
