def f():
  return 1 + 2 * 0 // 0 + 5
f()
