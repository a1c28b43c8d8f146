# Rule: run_until_complete() on a loop that was closed raises
# RuntimeError('Event loop is closed') from base_events.py's _check_closed;
# uncaught, the traceback shows run_until_complete and _check_closed.
import asyncio


async def work():
    await asyncio.sleep(0.1)
    return "worked"


loop = asyncio.get_event_loop()
print(loop.run_until_complete(work()))
pending = loop.create_future()
loop.close()
print("closed:", loop.is_closed())
loop.run_until_complete(pending)
