# Rule: a due timer's callback runs after the callbacks already in the ready
# queue, and the sleeping task resumes in the following iteration, after the
# spinning task's next step.
import asyncio

state = {"count": 0, "woke_at": -1, "gap": -1}


async def spinner():
    while state["woke_at"] < 0:
        state["count"] += 1
        await asyncio.sleep(0)
    state["count"] += 1
    state["gap"] = state["count"] - state["woke_at"]
    print("spinner: steps since sleeper resumed:", state["gap"])


async def sleeper():
    await asyncio.sleep(0.02)
    state["woke_at"] = state["count"]
    print("sleeper: resumed")


async def main():
    s = asyncio.create_task(spinner())
    await asyncio.gather(sleeper(), s)
    print("done, gap =", state["gap"])


asyncio.run(main())
