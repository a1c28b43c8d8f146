# range: repr, len, slicing (reversed, stepped, clipped), start/stop/step, index/count/in, equality and hash by content, and CPython's errors.
rs = [range(10), range(2, 10), range(0, 10, 3), range(10, 0, -2), range(-5, 5), range(5, 5), range(0, -10, -3), range(1, 2, 5)]
for r in rs:
    print(repr(r), len(r), list(r)[:5], r[::-1], r[1:3], r[::2], r[-2:], r[:100], bool(r), r == range(r.start, r.stop, r.step))
    print("  ", r.start, r.stop, r.step, (r.index(r[0]) if r else None), r.count(3), 3 in r, -3 in r, hash(r) == hash(range(r.start, r.stop, r.step)))
print(range(0, 10, 3) == range(0, 11, 3), range(0) == range(5, 2), range(1, 2) == range(1, 3, 5), list(range(10)[::-3]))
print(range(10)[slice(None, None, -1)], range(10)[-100:100], range(10)[5:-5], range(3)[-1], range(10)[-10])
for bad in ["range(1, 2, 0)", "range(1.0)", "range('a')", "range(10)[10]", "range(10)[-11]", "range(10).index(11)", "range(1, 2, 3, 4)", "range()", "range(10)[1.5]", "len(range(2**63))"]:
    try:
        print(bad, eval(bad))
    except Exception as e:
        print(bad, type(e).__name__, e)
print(reversed(range(5)).__class__.__name__, list(reversed(range(0, 10, 4))), sum(range(101)), max(range(7)), min(range(3, 9, 2)))
print(range(10**20) if False else "", list(range(2**62, 2**62 + 3)))
