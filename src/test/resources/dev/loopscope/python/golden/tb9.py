def a():
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")
try:
    a()
except TypeError as e:
    raise KeyError("third")
