# Rule: call_soon returns an asyncio.events.Handle, call_later and call_at a
# TimerHandle (a subclass of Handle with when()); cancel() stops a callback
# that has not run, cancelled() tells, and when() is the deadline in loop time.
import asyncio


def ping(tag):
    print("ping", tag)


async def main():
    loop = asyncio.get_running_loop()
    late = loop.call_later(0.2, ping, "late")
    early = loop.call_later(0.1, ping, "early")
    soon = loop.call_soon(ping, "soon")
    at = loop.call_at(loop.time() + 0.05, ping, "at")
    print(type(late).__name__, type(soon).__name__, type(at).__name__)
    print(isinstance(late, type(soon)), isinstance(soon, type(late)))
    print(hasattr(late, "when"), hasattr(soon, "when"))
    early.cancel()
    print(early.cancelled(), late.cancelled())
    print(round(late.when() - loop.time(), 1))
    await asyncio.sleep(0.3)
    late.cancel()
    print("cancel after it ran:", late.cancelled())


asyncio.run(main())
