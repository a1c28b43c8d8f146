# Rule: a KeyError raised by an augmented assignment to a subscript
# (counts[key] += 1) underlines the subscript in the traceback: ~ under the
# container, ^ from [ to ].
import asyncio


async def tally(words):
    counts = {}
    for word in words:
        await asyncio.sleep(0)
        counts[word] += 1
    return counts


async def main():
    print(await tally(["a", "b", "a"]))


asyncio.run(main())
