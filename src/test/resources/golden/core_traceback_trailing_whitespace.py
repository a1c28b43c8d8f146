# Source lines that end in spaces or a tab: the interpreter's own traceback keeps the trailing whitespace (so the carets show), asyncio's "never retrieved" report strips it.
import asyncio


async def lost():
    raise KeyError("lost")   


async def main():
    asyncio.create_task(lost())  
    await asyncio.sleep(0.1)
    try:
        1 / 0	
    except ZeroDivisionError:
        raise ValueError("handled badly") 


asyncio.run(main())
