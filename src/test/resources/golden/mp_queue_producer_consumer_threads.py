# Rule: a producer thread and a consumer thread share a queue.Queue; get() blocks the consumer (without the GIL) until an item is put, task_done()/join() let the main thread wait until every item was handled, and a None sentinel stops the consumer.
import queue
import threading
import time

q = queue.Queue()
handled = []


def producer(n):
    for i in range(n):
        time.sleep(0.01)
        q.put(i)
    q.put(None)


def consumer():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        handled.append(item * 10)
        print("consumed", item)
        q.task_done()


c = threading.Thread(target=consumer)
p = threading.Thread(target=producer, args=(4,))
c.start()
p.start()
q.join()
print("join returned with", handled)
p.join()
c.join()
print(q.qsize(), q.empty(), q.unfinished_tasks)
