# Rule: Value and Array store C types: an int wraps around to the type's width, a float assigned to an int type fails with a TypeError raised in generated code ("<string>", setvalue), and an unknown type code is refused.
import multiprocessing as mp

v = mp.Value("i", 0)
v.value = 2 ** 31 + 5
print(v.value, mp.Value("b", 300).value, mp.Value("I", -1).value, mp.Value("h"))
f = mp.Value("f", 0.1)
print(f.value, mp.Value("d", 3).value)
raw = mp.Value("l", 7, lock=False)
print(raw, raw.value)
try:
    mp.Value("z")
except TypeError as e:
    print("TypeError:", e)
v.value = 1.5
