#!/usr/bin/env python3.12
"""Records CPython 3.12's results for format(), repr(), str(), round() and arithmetic on generated values.

Writes src/test/resources/dev/loopscope/python/runtime/format-cases.json; the interpreter's tests replay it.
"""
import json
import math
import os
import random
import struct

rnd = random.Random(20260101)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "test", "resources", "dev", "loopscope",
                   "python", "runtime", "format-cases.json")


def rand_float():
    kind = rnd.random()
    if kind < 0.3:
        return struct.unpack("<d", struct.pack("<Q", rnd.getrandbits(64)))[0]
    if kind < 0.6:
        return rnd.uniform(-1, 1) * 10 ** rnd.randint(-20, 25)
    if kind < 0.8:
        return round(rnd.uniform(-1000, 1000), rnd.randint(0, 4))
    return rnd.choice([0.0, -0.0, 0.5, 1.5, 2.5, 0.125, 2.675, 1e16, 1e-5, 1e22, 123456789.0, 0.1, 1 / 3,
                       float("inf"), -float("inf"), float("nan"), 5e-324, 1.7976931348623157e308, 9.995, 1e15])


def rand_int():
    kind = rnd.random()
    if kind < 0.5:
        return rnd.randint(-1000, 1000)
    if kind < 0.8:
        return rnd.randint(-10 ** 12, 10 ** 12)
    return rnd.getrandbits(rnd.randint(60, 200)) * rnd.choice([1, -1])


def rand_spec(numeric_type):
    fill_align = rnd.choice(["", "", "<", ">", "^", "=", "*<", "0>", "_^", "x="])
    sign = rnd.choice(["", "", "+", "-", " "])
    z = rnd.choice(["", "", "", "z"]) if numeric_type == "float" else ""
    alt = rnd.choice(["", "", "#"])
    zero = rnd.choice(["", "", "0"])
    width = rnd.choice(["", "", str(rnd.randint(1, 25))])
    group = rnd.choice(["", "", "", ",", "_"])
    prec = rnd.choice(["", "", "." + str(rnd.randint(0, 18))])
    if numeric_type == "float":
        t = rnd.choice(["", "e", "E", "f", "F", "g", "G", "%", "n"])
    else:
        t = rnd.choice(["", "d", "b", "o", "x", "X", "n", "e", "f", "g", "%", "c"])
        if t in "bdoxXnc" and t != "":
            prec = ""
    return fill_align + sign + z + alt + zero + width + group + prec + t


def result(fn):
    try:
        return {"ok": fn()}
    except Exception as e:
        return {"error": type(e).__name__ + ": " + str(e)}


def num(v):
    # JSON cannot hold every float and big int exactly: send floats as their bits, ints as decimal text
    if isinstance(v, float):
        return {"f": struct.unpack("<Q", struct.pack("<d", v))[0]}
    return {"i": str(v)}


cases = []
for _ in range(2500):
    if rnd.random() < 0.6:
        v = rand_float()
        spec = rand_spec("float")
    else:
        v = rand_int()
        spec = rand_spec("int")
    cases.append({"op": "format", "a": num(v), "spec": spec, "result": result(lambda: format(v, spec))})
for _ in range(800):
    v = rand_float()
    cases.append({"op": "repr", "a": num(v), "result": result(lambda: repr(v))})
    nd = rnd.choice([None, 0, 1, 2, 3, -1, -2, 5, 10])
    cases.append({"op": "round", "a": num(v), "nd": nd,
                  "result": result(lambda: repr(round(v) if nd is None else round(v, nd)))})
ops = ["+", "-", "*", "/", "//", "%", "**"]
for _ in range(1500):
    a = rand_int() if rnd.random() < 0.5 else rand_float()
    b = rand_int() if rnd.random() < 0.5 else rand_float()
    if rnd.random() < 0.2:
        b = rnd.choice([0, 0.0, 1, -1, 2, 3, -3])
    op = rnd.choice(ops)
    if op == "**":
        if isinstance(b, int):
            b = rnd.randint(-5, 40)
        else:
            b = rnd.uniform(-3, 3)
        if isinstance(a, int) and abs(a) > 10 ** 6:
            a = rnd.randint(-50, 50)
        if isinstance(b, float) and a < 0:
            a = -a  # complex results are outside Loopscope's subset
    expr = f"a {op} b"
    cases.append({"op": "binop", "sym": op, "a": num(a), "b": num(b),
                  "result": result(lambda: repr(eval(expr, {"a": a, "b": b})))})
with open(OUT, "w") as f:
    json.dump(cases, f, indent=0)
print(len(cases), "cases")
