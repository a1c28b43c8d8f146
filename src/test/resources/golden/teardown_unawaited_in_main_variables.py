# Rule: coroutine objects that main kept in variables but never awaited are
# freed when main returns, inside the loop callback running its last step,
# so the "never awaited" warning names asyncio/events.py's Handle._run line;
# the warnings and the reports of failed tasks come in the order main's frame
# lets go of its variables.
import asyncio


async def fetch(url):
    print("never runs", url)


async def fail():
    raise ValueError("nobody awaited me")


async def main():
    first = fetch("a")
    broken = asyncio.create_task(fail())
    pause = asyncio.sleep(1)
    later = [fetch("b"), fetch("c")]
    await asyncio.sleep(0.1)
    print("main returns")


asyncio.run(main())
print("after asyncio.run")
