# Rule: when wait_for times out, the inner coroutine gets CancelledError and
# its except/finally blocks run BEFORE the caller sees TimeoutError.
import asyncio


async def slow_op():
    try:
        print("slow_op: started in", asyncio.current_task().get_name())
        await asyncio.sleep(1)
        print("slow_op: not reached")
    except asyncio.CancelledError:
        print("slow_op: cancelled, cleaning up")
        raise
    finally:
        print("slow_op: finally")


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    try:
        await asyncio.wait_for(slow_op(), timeout=0.1)
    except asyncio.TimeoutError as e:
        print("main: caught", type(e).__name__, repr(str(e)))
        print("same class as builtin:", isinstance(e, TimeoutError))
    print(f"main: elapsed {loop.time() - t0:.1f}")


asyncio.run(main())
