# Rule: queue.Queue counts unfinished tasks: join() returns at once when every put was matched by task_done(), and one task_done() too many raises ValueError from queue.py.
import queue

q = queue.Queue()
for word in ("x", "y"):
    q.put(word)
print(q.unfinished_tasks)
while not q.empty():
    print("working on", q.get())
    q.task_done()
q.join()
print("joined", q.unfinished_tasks)
q.task_done()
