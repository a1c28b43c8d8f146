# Rule: tasks created inside tasks are numbered globally in creation order
# and start only after their creator yields; parents awaiting children.
import asyncio


async def leaf(tag):
    print(f"leaf {tag} is {asyncio.current_task().get_name()}")
    await asyncio.sleep(0)
    return tag


async def branch(tag, n):
    me = asyncio.current_task().get_name()
    print(f"branch {tag} is {me}, creating {n} leaves")
    kids = [asyncio.create_task(leaf(f"{tag}{i}")) for i in range(n)]
    print(f"branch {tag} made", [k.get_name() for k in kids])
    out = []
    for k in kids:
        out.append(await k)
    return out


async def main():
    b1 = asyncio.create_task(branch("x", 2))
    b2 = asyncio.create_task(branch("y", 3))
    print("main made", b1.get_name(), b2.get_name())
    print(await b1, await b2)


asyncio.run(main())
