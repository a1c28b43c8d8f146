def f(x):
    return (x +
      "a")
f(1)
