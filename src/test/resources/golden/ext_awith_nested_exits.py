# Rule: several items in one `async with` are entered left to right and exited right to
# left; return, break and continue inside the body await every __aexit__ on the way out
# (innermost first, finally blocks in between), and a return value survives the exits.
import asyncio


class Res:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        print("enter", self.name)
        return self.name

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0)
        print("exit", self.name, exc_type.__name__ if exc_type else "-")


async def first_match(names):
    for name in names:
        async with Res("loop-" + name) as r:
            if name == "skip":
                continue
            try:
                async with Res("inner-" + name):
                    if name == "stop":
                        break
                    if name == "found":
                        return r + "!"
            finally:
                print("finally", name)
    return None


async def main():
    async with Res("a") as a, Res("b") as b, Res("c"):
        print("body", a, b)
    print(await first_match(["skip", "found", "never"]))
    print(await first_match(["stop", "never"]))
    try:
        async with Res("x"), Res("y"):
            raise LookupError("both see it")
    except LookupError as e:
        print("caught", e)


asyncio.run(main())
