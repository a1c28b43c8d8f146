# __repr__, __str__, __bool__ and arithmetic dunders called directly on ints, floats, strs, None, ranges and containers.
for v in [1.5, -0.0, 5, True, "s", [1], (1,), {1: 2}, {1}, None, range(2), 2**70, ...]:
    out = []
    for name in ["__repr__", "__str__", "__bool__", "__len__"]:
        try:
            out.append(repr(getattr(v, name)()))
        except AttributeError as e:
            out.append("AttributeError")
    print(type(v).__name__, out)
print((5).__add__(3), (2.5).__mul__(2), "a".__add__("b"), (1).__eq__(1.0), (3).__neg__(), (7).__floordiv__(2))
print(float.__repr__(1.0), int.__repr__(7), str.__str__("x"), object.__repr__(1)[:13], repr(1.0).__repr__())
