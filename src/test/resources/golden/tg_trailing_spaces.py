# A source line ending in spaces: the interpreter's report of an uncaught exception prints it with its trailing
# spaces and then draws carets (the statement no longer covers the whole line); the traceback module behind
# "Task exception was never retrieved" strips them.
import asyncio


async def bad():
    raise ValueError("x")   


async def main():
    t = asyncio.create_task(bad())
    await asyncio.sleep(0.1)
    print("main done")


asyncio.run(main())
raise RuntimeError("at the end") 
