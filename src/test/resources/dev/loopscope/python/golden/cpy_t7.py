x = 1
foo(x, 2)
