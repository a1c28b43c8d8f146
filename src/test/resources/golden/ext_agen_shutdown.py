# Rule: at the end of asyncio.run, shutdown_asyncgens closes the async generators still
# alive (here one kept in a global list), each aclose() in a task of its own, and its
# cleanup runs to the end; a generator held only by a variable of main() is let go of when
# main returns: its aclose() task is made one iteration later and then cancelled with the
# other pending tasks before it starts, so its finally block begins but stops at its
# first await.
import asyncio

KEPT = []


async def stream(label):
    try:
        n = 0
        while True:
            yield n
            n += 1
    finally:
        print(f"{label}: cleanup starts in {asyncio.current_task().get_name()}")
        await asyncio.sleep(0)
        print(f"{label}: cleanup finished")


async def main():
    kept = stream("kept")
    KEPT.append(kept)
    print("kept gives", await anext(kept), await anext(kept))
    local = stream("local")
    print("local gives", await anext(local))
    print("main returns")


asyncio.run(main())
print("after asyncio.run")
