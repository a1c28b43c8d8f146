# Rule: asyncio.iscoroutinefunction() is true for `async def` functions, also through a
# bound method or functools.partial, and false for plain functions, lambdas, builtins and
# coroutine objects.
import asyncio
import functools


async def fetch(x):
    return x


def plain(x):
    return x


class Client:
    async def get(self):
        return 1

    def close(self):
        pass


async def main():
    c = Client()
    coro = fetch(1)
    checks = [fetch, plain, c.get, c.close, Client.get, functools.partial(fetch, 2), lambda: 0, print, coro]
    print([asyncio.iscoroutinefunction(f) for f in checks])
    print(asyncio.iscoroutine(coro), await coro)


asyncio.run(main())
