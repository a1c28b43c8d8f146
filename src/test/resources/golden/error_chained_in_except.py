# Rule: raising inside an except block chains the exceptions: "During
# handling of the above exception, another exception occurred:".
import asyncio


def parse(text):
    return int(text)


async def load(text):
    await asyncio.sleep(0)
    try:
        return parse(text)
    except ValueError:
        raise RuntimeError(f"cannot load {text!r}")


async def main():
    print(await load("12"))
    print(await load("twelve"))


asyncio.run(main())
