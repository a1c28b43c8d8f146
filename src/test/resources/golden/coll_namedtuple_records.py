# records with namedtuple
from collections import namedtuple
Task = namedtuple('Task', 'id priority name')
tasks = [Task(3, 1, 'write'), Task(1, 5, 'read'), Task(2, 5, 'sleep')]
for t in sorted(tasks, key=lambda t: (-t.priority, t.id)):
    print(t)
print(max(tasks, key=lambda t: t.priority).name)
ids, prios, names = zip(*tasks)
print(ids, names)
t = tasks[0]._replace(priority=9)
print(t, t._asdict(), tasks[0])
Pair = namedtuple('Pair', ['left', 'right'])
print(Pair(*range(2)), Pair(**{'left': 'l', 'right': 'r'}))
for left, right in [Pair(1, 2), Pair(3, 4)]:
    print(left * right)
Pair(1, 2, 3)
