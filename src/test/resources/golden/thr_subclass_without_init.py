# a Thread subclass that never calls Thread.__init__ fails its first property access with CPython's assertion
import threading

class Lazy(threading.Thread):
    def __init__(self, label):
        self.label = label

t = Lazy('x')
for probe in ('name', 'ident', 'daemon', 'native_id'):
    try:
        getattr(t, probe)
    except AssertionError as e:
        print(probe, e)
try:
    threading.Thread(group=object())
except AssertionError as e:
    print('group', e)
c = threading.Condition()
with c:
    print(repr(c)[:11], c.wait_for(lambda: False, 0.01))
b = threading.Barrier(2)
print(repr(b).split(': ')[1])
b.abort()
print(repr(b).split(': ')[1])
s = threading.BoundedSemaphore(3)
print(repr(s).split(': ')[1])
th = threading.Thread(target=print, args=(1,))
print(repr(th).split(' ')[0], th.name)
th.start(); th.join()
print(t.is_alive())
