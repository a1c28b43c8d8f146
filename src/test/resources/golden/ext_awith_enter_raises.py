# Rule: when __aenter__ raises, the body and __aexit__ never run; the traceback goes from
# the `async with` line into __aenter__.
import asyncio


class Connection:
    def __init__(self, host):
        self.host = host

    async def __aenter__(self):
        await asyncio.sleep(0.1)
        raise ConnectionRefusedError(f"cannot reach {self.host}")

    async def __aexit__(self, *exc):
        print("never closes")


async def query(host):
    async with Connection(host) as conn:
        print("never runs", conn)


async def main():
    await query("db.local")


asyncio.run(main())
