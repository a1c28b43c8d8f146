def f(a, b):
    return a + b

def g(d):
    return d["k"]

x = 1
try:
    f(1, "2")
except TypeError as e:
    print(e)
class A:
    def m(self, x): pass
try:
    A().m()
except TypeError as e:
    print(e)
def h(a,b,c): pass
try: h()
except TypeError as e: print(e)
try: h(1,2,3,4)
except TypeError as e: print(e)
def k(a, b=1, *, c): pass
try: k(1,2,3)
except TypeError as e: print(e)
try: k(1)
except TypeError as e: print(e)
try: k(1, c=2, d=3)
except TypeError as e: print(e)
try: k(1, a=2, c=3)
except TypeError as e: print(e)
try: k(1, 2, 3, c=3)
except TypeError as e: print(e)
def rec(n):
    return rec(n+1)
import sys
depth = 0
def rec2(n):
    global depth
    depth = n
    rec2(n+1)
try: rec2(1)
except RecursionError as e: print(e, depth)
lst = [1,2]
print(g({"k": 1}) + f(lst[0], 2))
y = (lst[0] +
  lst[5])
