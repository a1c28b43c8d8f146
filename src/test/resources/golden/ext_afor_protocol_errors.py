# Rule: CPython's TypeErrors for `async for`: an object without __aiter__, an __aiter__
# that returns something without __anext__, and an __anext__ whose result cannot be
# awaited, which is raised "from" the await's own TypeError (shown uncaught at the end).
import asyncio


class NoAnext:
    def __aiter__(self):
        return [1, 2]


class SyncNext:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 42


async def main():
    for source in ([1, 2], NoAnext()):
        try:
            async for x in source:
                print(x)
        except TypeError as e:
            print("TypeError:", e)
    async for x in SyncNext():
        print(x)


asyncio.run(main())
