# Rule: CPython's TypeErrors for objects that are not asynchronous context managers: no
# __aenter__, no __aexit__, an __aenter__ or __aexit__ result that is not awaitable, and
# a plain `with` on an asyncio.Lock.
import asyncio


class OnlyEnter:
    async def __aenter__(self):
        return self


class NotAwaitable:
    def __aenter__(self):
        return 42

    def __aexit__(self, *exc):
        return None


class BadExit:
    async def __aenter__(self):
        return self

    def __aexit__(self, *exc):
        return "done"


async def main():
    for obj in [object(), 3, OnlyEnter(), NotAwaitable(), BadExit()]:
        try:
            async with obj:
                print("body runs for", type(obj).__name__)
        except TypeError as e:
            print("TypeError:", e)
    try:
        with asyncio.Lock():
            pass
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
