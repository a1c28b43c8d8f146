# Rule: done()/cancelled()/result()/exception() through a task's life:
# pending after creation, pending while suspended, done with a result.
import asyncio


def show(label, t):
    print(f"{label:<16} done={str(t.done()):<5} cancelled={t.cancelled()}")


async def work():
    me = asyncio.current_task()
    show("inside, running", me)
    await asyncio.sleep(0.01)
    return 42


async def main():
    t = asyncio.create_task(work())
    show("just created", t)
    await asyncio.sleep(0)
    show("suspended", t)
    r = await t
    show("finished", t)
    print("awaited:", r, "result():", t.result(), "exception():", t.exception())


asyncio.run(main())
