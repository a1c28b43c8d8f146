# Rule: an exception raised by a loop callback (call_soon, call_later, a done
# callback) does not stop the loop: it is reported on stderr as "Exception in
# callback NAME(args) at FILE:LINE" with the handle and a traceback that
# starts in asyncio's Handle._run; long arguments are shortened as reprlib
# does.
import asyncio


def check(value, label):
    print("checking", label)
    return 100 // value


class Meter:
    def read(self, scale):
        raise RuntimeError(f"meter broken at scale {scale}")


def on_done(task):
    print("done callback for", task.get_name())
    raise ValueError("callback could not handle " + task.get_name())


async def job():
    await asyncio.sleep(0.1)
    return 1


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(check, 0, "a rather long label that reprlib will shorten")
    loop.call_soon(Meter().read, [1, 2, 3, 4, 5, 6, 7, 8])
    loop.call_soon(lambda: check(0, "lambda"))
    t = asyncio.create_task(job(), name="job")
    t.add_done_callback(on_done)
    await t
    await asyncio.sleep(0.1)
    print("main still fine:", t.result())


asyncio.run(main())
