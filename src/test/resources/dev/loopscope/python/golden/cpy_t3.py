a = [1, 2, 3]
b = None
print(a[1] + b.foo)
