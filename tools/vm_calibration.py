"""Times small loops and typical lesson kernels, with CPython or with `loopscope run`.

Run it with CPython 3.12 and with Loopscope and compare the figures (src/docs/cost-model.md):
    python3.12 tools/vm_calibration.py
    loopscope run tools/vm_calibration.py
Times are CPU time (time.process_time), which waiting for a core on a loaded machine does not
inflate; in Loopscope it is the virtual CPU time the cost model charges. Each figure is the best
of three runs: for the b_ loops, nanoseconds per iteration (N iterations); for the k_ kernels,
nanoseconds per unit of work (the kernel's second value).
"""
import math
import random
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


# Typical CPU-bound code of lesson programs: (function, units of work it does).
def k_sum_squares():
    total = 0
    for i in range(N):
        total += i * i
def k_sum_squares_genexpr():
    sum(i * i for i in range(N))
def k_countdown():
    n = N
    while n > 0:
        n -= 1
def k_mod7():
    total = 0
    for i in range(N):
        total += i % 7
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
def k_fib():
    fib(22)
def is_prime(n):
    if n < 2:
        return False
    i = 2
    while i * i <= n:
        if n % i == 0:
            return False
        i += 1
    return True
def k_primes():
    sum(1 for k in range(N // 20) if is_prime(k))
def k_sum_range():
    sum(range(N))
def k_pow():
    s = 0
    for i in range(N // 2):
        s += i ** 2
def k_sqrt():
    s = 0.0
    for i in range(N // 2):
        s += math.sqrt(i)
def k_collatz():
    for k in range(1, N // 50):
        while k != 1:
            k = k // 2 if k % 2 == 0 else 3 * k + 1
def k_bubble():
    data = list(range(400, 0, -1))
    for i in range(400):
        for j in range(400 - i - 1):
            if data[j] > data[j + 1]:
                data[j], data[j + 1] = data[j + 1], data[j]
def k_sieve():
    flags = [True] * (N + 1)
    for i in range(2, int(N ** 0.5) + 1):
        if flags[i]:
            for j in range(i * i, N + 1, i):
                flags[j] = False
def k_monte_carlo():
    inside = 0
    for _ in range(N // 4):
        x = random.random()
        y = random.random()
        if x * x + y * y <= 1.0:
            inside += 1
def k_sort_random():
    data = [random.random() for _ in range(N // 5)]
    data.sort()
def k_word_count():
    counts = {}
    for w in ("alpha beta gamma delta " * (N // 20)).split():
        counts[w] = counts.get(w, 0) + 1
def k_factorial():
    r = 1
    for i in range(1, 3000):
        r *= i
UNITS = {"k_fib": 57313, "k_primes": N // 20, "k_pow": N // 2, "k_sqrt": N // 2, "k_collatz": N // 50,
         "k_bubble": 79800, "k_monte_carlo": N // 4, "k_sort_random": N // 5, "k_word_count": N // 5,
         "k_factorial": 3000}
res = {}
for name, fn in list(globals().items()):
    if name.startswith(("b_", "k_")):
        best = 1e9
        for rep in range(3):
            random.seed(1)
            t = time.process_time(); fn(); best = min(best, time.process_time() - t)
        res[name] = best
for k, v in res.items():
    print(f"{k} {v*1e9/UNITS.get(k, N):.1f}")
t = time.process_time()
s = 0
for i in range(N):
    s += i
print(f"module_loop {(time.process_time()-t)*1e9/N:.1f}")
