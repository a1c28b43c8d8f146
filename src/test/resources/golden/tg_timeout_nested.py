# Nested timeouts: the one whose deadline passes first converts the cancellation; an inner timeout that
# expired is handled inside and the outer block goes on; when the outer deadline passes first, the inner block
# lets the CancelledError through and only the outer one raises TimeoutError.
import asyncio


async def main():
    try:
        async with asyncio.timeout(0.5):
            try:
                async with asyncio.timeout(0.1):
                    await asyncio.sleep(1)
            except TimeoutError:
                print("inner timeout")
            await asyncio.sleep(1)
    except TimeoutError:
        print("outer timeout")
    try:
        async with asyncio.timeout(0.1) as outer:
            try:
                async with asyncio.timeout(0.5) as inner:
                    await asyncio.sleep(1)
            except TimeoutError:
                print("not the inner one")
            finally:
                print("inner exited, expired:", inner.expired())
    except TimeoutError:
        print("outer first:", outer.expired(), inner.expired())


asyncio.run(main())
