# Rule: f-string format specs used in lesson code: precision, width,
# alignment, thousands separators, !r, sign, percent, zero padding.
price = 1234567.891
name = "tea"
n = 42
print(f"{price:.2f}|{price:,}|{price:,.2f}|{price:.0f}|{price:e}|{price:.3e}")
print(f"{name:>8}|{name:<8}|{name:^8}|{name:*^9}|{name!r}|{name!r:>8}")
print(f"{n:5}|{n:<5}|{n:05}|{n:+}|{-n:+}|{n:x}|{n:b}|{n:o}|{n:,}|{10**9:,}")
print(f"{0.5:.1%}|{1/3:.3f}|{2/3:.2f}|{-0.004:.2f}|{2.5:.0f}|{3.5:.0f}|{0.125:.2f}")
print(f"{n * 2 + 1}|{name.upper()}|{[1, 2][0]}|{n > 40}|{None}|{3.0}|{1e20}")
print(f"{'quoted'!r} and {'a' + 'b'}|{len(name):3d}|{n / 7:8.3f}|{-n:6d}|")
items = [("apples", 3, 0.5), ("pears", 12, 0.25), ("kiwis", 100, 0.2)]
for item, qty, cost in items:
    print(f"{item:<8}{qty:>5}{qty * cost:>8.2f}")
print(f"{1234.5:>10,.1f}|{True}|{False:>6}|{'x':3}|{7:<3}|")
elapsed = 0.123456
print(f"took {elapsed:.1f}s, {elapsed * 1000:.0f} ms, {round(elapsed, 2)}")
