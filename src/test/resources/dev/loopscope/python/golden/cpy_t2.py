def f():
    x = 1
    return x / 0
def g():
    try:
        f()
    except ZeroDivisionError as e:
        raise ValueError("boom") from e
def h():
    try:
        g()
    except ValueError:
        d = {}
        d["x"]
h()
