# a round-robin scheduler of generators driven by a deque
from collections import deque

def countdown(name, n):
    while n > 0:
        yield f"{name}: {n}"
        n -= 1

ready = deque([countdown("A", 3), countdown("B", 2), countdown("C", 4)])
while ready:
    task = ready.popleft()
    try:
        print(next(task))
    except StopIteration:
        continue
    ready.append(task)
ready.rotate(1)
print(ready)
q = deque([1, 2, 3, 4, 5])
q.rotate(-2); print(q)
q.rotate(7); print(q)
print(q[2], q[-2])
q[1] = 'two'; del q[0]; print(q)
print(q == deque([3, 4, 5, 1]), q != deque())
q.clear(); q.pop()
