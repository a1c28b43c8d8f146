# Rule: get_nowait() on an empty queue raises asyncio.QueueEmpty, put_nowait() on a full
# one raises asyncio.QueueFull, and task_done() without a matching item raises ValueError;
# uncaught, QueueEmpty's traceback ends in asyncio/queues.py.
import asyncio


async def main():
    q = asyncio.Queue(2)
    for i in range(3):
        try:
            q.put_nowait(i)
            print("put", i, str(q))
        except asyncio.QueueFull as e:
            print("full:", repr(e), type(e).__module__, isinstance(e, Exception))
    print(q.get_nowait(), q.get_nowait(), q.qsize())
    q.task_done()
    q.task_done()
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print("empty:", repr(e), type(e).__qualname__)
    unbounded = asyncio.Queue()
    for i in range(1000):
        unbounded.put_nowait(i)
    print(unbounded.full(), unbounded.qsize())
    print("now an uncaught one")
    q.get_nowait()


asyncio.run(main())
