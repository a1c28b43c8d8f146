# An uncaught exception group with more than 15 sub-exceptions prints the first 15 boxes, then
# "and 1 more exception"; repeated frames inside each sub-traceback are shown once per call.
def f(n):
    if n:
        return f(n - 1)
    raise ValueError("deep")


errs = []
for i in range(16):
    try:
        f(i % 3)
    except ValueError as e:
        errs.append(e)
raise ExceptionGroup("sixteen", errs)
