# Rule: an exception raised by __aexit__ while it handles the body's exception replaces
# it; the traceback shows the body's exception first, then "During handling of the above
# exception, another exception occurred", with the `async with` line in both.
import asyncio


class Transaction:
    async def __aenter__(self):
        print("begin")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print("rollback after", exc_type.__name__)
        await asyncio.sleep(0)
        raise RuntimeError("rollback failed")


async def transfer(amount):
    async with Transaction():
        if amount > 100:
            raise ValueError(f"amount too large: {amount}")


async def main():
    await transfer(50)
    await transfer(500)


asyncio.run(main())
