import time
N = 1_000_000
def b_for_add():
    s = 0
    for i in range(N):
        s += i
def b_while():
    i = 0
    while i < N:
        i += 1
def h(x): return x
def b_call():
    for i in range(N):
        h(i)
def b_append():
    l = []
    for i in range(N):
        l.append(i)
class O:
    def __init__(self): self.x = 1
    def m(self): return self.x
def b_attr():
    o = O(); s = 0
    for i in range(N):
        s += o.x
def b_method():
    o = O()
    for i in range(N):
        o.m()
def b_dict():
    d = {}
    for i in range(N):
        d[i & 1023] = i
def b_str():
    for i in range(N):
        s = f"item {i}"
def b_float():
    x = 0.0
    for i in range(N):
        x = x * 0.5 + 1.5
G = 0
def b_global():
    global G
    for i in range(N):
        G = G + 1
def gen():
    for i in range(N):
        yield i
def b_gen():
    for x in gen():
        pass
def b_listcomp():
    for j in range(N // 1000):
        l = [i * 2 for i in range(1000)]
def b_sum():
    for j in range(N // 1000):
        sum(range(1000))
def b_subscr():
    l = list(range(100)); s = 0
    for i in range(N):
        s += l[i % 100]
def b_new():
    for i in range(N // 4):
        O()
def b_closure():
    k = 3
    def f(x): return x + k
    for i in range(N):
        f(i)
res = {}
for name, fn in list(globals().items()):
    if name.startswith("b_"):
        best = 1e9
        for rep in range(3):
            t = time.perf_counter(); fn(); best = min(best, time.perf_counter() - t)
        res[name] = best
for k, v in res.items():
    print(f"{k} {v*1e9/N:.1f}")
t = time.perf_counter()
s = 0
for i in range(N):
    s += i
print(f"module_loop {(time.perf_counter()-t)*1e9/N:.1f}")
