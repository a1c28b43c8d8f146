# asyncio.Barrier: phased workers, reset, abort and the repr
import asyncio

def show(b):
    r = repr(b)
    return r[:r.index(" at ")] + r[r.index(" ["):]

async def worker(i, barrier, log):
    for phase in range(2):
        await asyncio.sleep(0.01 * (i + 1))
        log.append(f"w{i} arrives phase {phase}")
        idx = await barrier.wait()
        log.append(f"w{i} leaves phase {phase} idx={idx}")
        if idx == 0:
            print(f"phase {phase} released: {show(barrier)}")

async def main():
    barrier = asyncio.Barrier(3)
    print(show(barrier), barrier.parties, barrier.n_waiting, barrier.broken)
    log = []
    await asyncio.gather(*(worker(i, barrier, log) for i in range(3)))
    print("\n".join(log))
    print(show(barrier))

    b2 = asyncio.Barrier(2)
    async def waiter(name):
        try:
            async with b2 as idx:
                print(name, "passed with", idx)
        except asyncio.BrokenBarrierError as e:
            print(name, "broken:", repr(e))
    t = asyncio.create_task(waiter("first"))
    await asyncio.sleep(0.1)
    print(show(b2))
    await b2.reset()
    await t
    print(show(b2))
    t = asyncio.create_task(waiter("second"))
    await asyncio.sleep(0.1)
    await b2.abort()
    await t
    print(show(b2), b2.broken)
    await waiter("late")
    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print("ValueError:", e)
    print(issubclass(asyncio.BrokenBarrierError, RuntimeError), asyncio.BrokenBarrierError)
    await b2.wait()

asyncio.run(main())
