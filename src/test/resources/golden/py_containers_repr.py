# Rule: repr of lists, tuples, dicts (insertion order), strings with quotes,
# nested containers, None/bool; comprehensions and unpacking.
words = ["it's", 'say "hi"', "plain", "tab\there", "new\nline"]
print(words)
print(("one",), (), (1, 2), [None, True, False], {"a": 1, "b": [1, 2], 3: (4,)})
d = {}
d["zeta"] = 1
d["alpha"] = 2
d["mid"] = 3
d["zeta"] = 4
print(d, [k for k in d], len(d), "alpha" in d, "nope" in d, d["mid"])
print([x * x for x in range(6) if x % 2 == 0], [[i, j] for i in range(2) for j in range(2)])
pairs = [p for p in zip(["a", "b", "c"], [1, 2, 3])]
print(pairs, [e for e in enumerate(["x", "y", "z"])], [e for e in enumerate([10, 20], 1)])
a, b, c = 1, "two", [3]
first, last = [1, 2, 3][0], [1, 2, 3][-1]
print(a, b, c, first, last)
x, y = 1, 2
x, y = y, x
print(x, y)
for i, k in enumerate(d):
    print(i, k, d[k])
print(str([1.0, 2.5]), repr("x"), str("x"), repr(["x"]), str(("x", 1)))
nested = {"tasks": [{"name": "Task-1", "done": False}], "count": 1}
print(nested)
print([1, 2, 3][-2], "hello"[1], [v for v in range(10, 0, -3)], (1, 2) == (1, 2), [1] + [2] * 2)
