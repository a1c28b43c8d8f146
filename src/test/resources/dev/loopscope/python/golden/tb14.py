def f():
    x = undefined_name + 1
f()
