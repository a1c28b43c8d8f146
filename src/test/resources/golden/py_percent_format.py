# Rule: printf-style % formatting: for d, i, u, x, X and o the precision is
# the minimum number of digits (after the sign and 0x/0o prefix, before the
# width's padding); %a escapes non-ASCII like ascii(); * takes width and
# precision from the arguments.
import asyncio


async def main():
    print("%.0d|%+.3d|%.4x|%#.4x|%#.4o|%-8.3d|%08.3d|%.3d|%.2d|%5.3X|%.3i|%.3u|" % (
        0, 5, 255, 255, 8, -7, 5, -12345, 7, 10, 3, 4))
    print("%(a)s-%(b)05.1f" % {"a": "x", "b": 2.25}, "%*d|%-*d|" % (5, 1, 4, 2), "%.*f" % (2, 3.14159))
    print("%s %r %a" % ("é", "é", "é"), "%a" % ["naïve", 1], "%5s|%-5s|" % ("ab", "cd"), "%i" % 3.99)
    for n in [0, 7, -42, 1234567]:
        print("[%6.4d] [%-+7.3d] [%#8.5x] [%08.2d] [%.1o]" % (n, n, n, n, n))
    print("%.3d" % "x")


asyncio.run(main())
