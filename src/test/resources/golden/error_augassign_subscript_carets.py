# Rule: a missing key or index in an augmented assignment (d[k] += 1) is
# underlined like a subscript in an expression: ~ under the container,
# ^ under the brackets.
import asyncio


async def tally(counts, words):
    for w in words:
        counts[w] += 1
    return counts


async def main():
    counts = {"a": 0, "b": 0}
    print(await tally(counts, ["a", "b", "a"]))
    grid = [[0, 0], [0, 0]]
    grid[1][0] -= 3
    print(grid)
    await tally(counts, ["a", "c"])


asyncio.run(main())
