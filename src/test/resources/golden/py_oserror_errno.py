# Rule: OSError(errno, strerror[, filename]) becomes the subclass for that
# errno (FileNotFoundError, PermissionError...), prints as "[Errno N] text",
# keeps only errno and strerror in args; other argument counts stay plain.
import asyncio


async def open_config(name):
    await asyncio.sleep(0)
    raise OSError(2, "No such file or directory", name)


async def main():
    try:
        await open_config("settings.ini")
    except FileNotFoundError as e:
        print(type(e).__name__, e, repr(e), e.args, e.filename, e.errno, e.strerror)
    for err in [OSError(13, "Permission denied"), OSError(110, "timed out"), OSError(104, "reset"),
                OSError(99, "unknown errno"), OSError("plain"), OSError(1, "a", "b", "c", "d", "e"),
                OSError(17, "exists", "a.txt", None, "b.txt"), OSError(2, "no file", None)]:
        print(f"{type(err).__name__:<22}{str(err):<32}{err!r}")
    print(isinstance(OSError(2, "x"), OSError), OSError(32, "pipe").__class__.__mro__[1].__name__)
    await open_config("missing.txt")


asyncio.run(main())
