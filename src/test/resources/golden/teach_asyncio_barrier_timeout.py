# barrier with a timeout: a party that never arrives
import asyncio

def show(b):
    r = repr(b)
    return r[:r.index(" at ")] + r[r.index(" ["):]

async def racer(name, delay, start):
    await asyncio.sleep(delay)
    print(f"{name} at the line")
    await asyncio.wait_for(start.wait(), timeout=1)
    print(f"{name} runs")

async def main():
    start = asyncio.Barrier(3)
    results = await asyncio.gather(racer("a", 0.1, start), racer("b", 0.2, start), return_exceptions=True)
    print([type(r).__name__ for r in results])
    print(show(start), start.n_waiting)

asyncio.run(main())
