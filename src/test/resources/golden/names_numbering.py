# Rule: asyncio.run's main task is Task-1; every task gets the next number,
# including the tasks gather makes for bare coroutines.
import asyncio


async def whoami(tag):
    name = asyncio.current_task().get_name()
    print(f"{tag} runs as {name}")
    return name


async def main():
    print("main:", asyncio.current_task().get_name())
    t = asyncio.create_task(whoami("explicit"))
    print("created:", t.get_name())
    names = await asyncio.gather(whoami("g1"), whoami("g2"), t)
    print("gather results:", names)
    u = asyncio.create_task(whoami("after gather"))
    print("next task:", u.get_name(), "->", await u)


asyncio.run(main())
