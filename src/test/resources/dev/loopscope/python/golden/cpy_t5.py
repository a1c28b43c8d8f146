def f(x):
    return x.y.z
f(1)
