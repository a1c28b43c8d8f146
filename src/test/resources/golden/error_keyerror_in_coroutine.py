# Rule: KeyError from a dict lookup inside an awaited coroutine: traceback
# shows each coroutine frame; str of a KeyError is the repr of the key.
import asyncio


async def lookup(d, key):
    await asyncio.sleep(0)
    return d[key]


async def main():
    prices = {"apple": 3, "pear": 5}
    print("apple costs", await lookup(prices, "apple"))
    try:
        await lookup(prices, "plum")
    except KeyError as e:
        print("caught KeyError:", e, repr(e), e.args)
    print("kiwi costs", await lookup(prices, "kiwi"))


asyncio.run(main())
