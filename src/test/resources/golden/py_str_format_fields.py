# Rule: str.format numbers automatic fields in a nested format spec after the
# field itself ("{:{}}" takes the value, then the width), allows two levels
# of nesting, and reports malformed fields (a lone '{', an empty conversion or
# attribute, text after ']') with CPython's messages.
import asyncio


async def main():
    rows = [("tea", 3.5), ("coffee", 12.25)]
    for name, price in rows:
        print("{:<{}}|{:>{}.{}f}|".format(name, 8, price, 9, 2))
    print("{:{}}|{:{}{}}|{0!r:>{1}}".format(5, 3, "x", "^", 5) if False else "{:{}}|{:{}{}}|".format(5, 3, "x", "^", 5))
    print("{0:{1}}|{0:{2}}".format(7, 4, "<4"), "{:{:>3}}".format(1, 2) if False else "{:{}}".format("ab", ">4"))
    for fmt, args in [("{", ()), ("{0", (1,)), ("{0!}", (1,)), ("{0!r", (1,)), ("{:{:{}}}", (1, 2, 3)),
                      ("{:{}}{}", (1, 2)), ("{0:{}}", (1, 2)), ("{:{0}}", (1, 2)), ("x}", ()), ("{0!x}", (1,)),
                      ("{0!} tail", (1,)), ("{0[0]x}", ([1],)), ("{0.}", (1,)), ("{0[]}", ([1],)), ("{0:", (1,))]:
        try:
            print(repr(fmt), repr(fmt.format(*args)))
        except (ValueError, IndexError) as e:
            print(repr(fmt), type(e).__name__, e)


asyncio.run(main())
