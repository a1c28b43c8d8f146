# Rule: a ',' or '_' grouping option is checked against the format type while
# the spec is parsed, so the message names the type code whatever the value;
# '_' is allowed with b, o, x and X (groups of four digits).
import asyncio


async def main():
    for value, spec in [(1, ",s"), (1.5, ",x"), ("text", ",d"), (255, "_x"), (255, ",x"), (3, ",c"),
                        (2.5, "_n"), (10**6, "_"), (10**6, ",d"), (-1234.5, ",.1f"), (0.25, ",%"),
                        ("abc", ","), (65, "_b"), (7, ",o"), (True, ",")]:
        try:
            print(f"{spec:>5} {value!r:>9} -> {format(value, spec)!r}")
        except ValueError as e:
            print(f"{spec:>5} {value!r:>9} -> ValueError: {e}")
    print(f"{12345678:_X} {12345678:,} {1234.5678:_.2f}")
    print(f"{42:,b}")


asyncio.run(main())
