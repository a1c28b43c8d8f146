# Rule: methods of int and float called directly: float.hex() with 13 hex
# digits and a signed exponent, float.fromhex() syntax and errors,
# __floor__/__ceil__, reflected arithmetic
# (__radd__...) that is NotImplemented for non-numbers, int comparison
# methods that are NotImplemented for floats.
for x in [2.5, 5e-324, 1e300, -0.0, 0.0, 1.0, -1.5, 2.2250738585072014e-308, 0.1, float("inf"), float("nan")]:
    print(f"{x!r:>24} {x.hex():>24} {float.fromhex(x.hex())!r}")
print((3.7).__floor__(), (3.7).__ceil__(), (-3.2).__floor__(), (-3.2).__ceil__(), (2.0).__floor__(), (-0.5).__ceil__())
print((1).__radd__(2), (2).__rsub__(10), (3).__rpow__(2), (2.5).__rmul__(2), (7).__rfloordiv__(50), (3).__rmod__(-7))
print((2).__rmul__("ab"), (1.5).__radd__("x"), (1).__rand__(3), (2.0).__rtruediv__(1), (True).__radd__(1), (5).__rlshift__(1))
print((3).__eq__(3.0), (3).__lt__(2.5), (3.0).__eq__(3), (2.5).__gt__(2), (True).__eq__(1), (1).__ne__("1"))
print(3 == 3.0, 3 < 3.5, sorted([2, 1.5, True, 0.0]), max(1, 1.0), min(0.0, 0))
for text in ["0x1.8p1", "1.8p1", "  -0X1P-2 ", "0x.8", "ff", "0x1.", "inf", "-Infinity", "nan", "0x1p1024", "0x1p-1080",
             "0x1.fffffffffffff8p1023", "0x1.00000000000008p0", "0xg", "", "0x1p", "1e5", "0x1.8p1.5"]:
    try:
        print(repr(text), float.fromhex(text))
    except (ValueError, OverflowError) as e:
        print(repr(text), type(e).__name__, e)
