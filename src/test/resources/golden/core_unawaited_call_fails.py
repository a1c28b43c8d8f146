# Coroutines that are only arguments of a call that fails are freed as the error unwinds: a misspelt keyword to gather, or a name error while the arguments are evaluated, warns at that line at once.
import asyncio


async def fetch(n):
    return n


async def main():
    try:
        print(fetch(1), undefined_name)
    except NameError as e:
        print("caught:", e)
    kept = fetch(2)
    try:
        await asyncio.gather(fetch(3), kept, return_exception=True)
    except TypeError as e:
        print("caught:", e)
    print(await kept)


asyncio.run(main())
