# ExceptionGroup and BaseExceptionGroup: construction checks, str, split/subgroup/derive, and CPython's boxed traceback of nested groups with chained sub-exceptions.
def fail(n):
    raise ValueError(f"task {n} failed")
errors = []
for i in range(2):
    try:
        fail(i)
    except ValueError as e:
        errors.append(e)
for cls, args in [(ExceptionGroup, ("m",)), (ExceptionGroup, (1, errors)), (ExceptionGroup, ("m", [])),
                  (ExceptionGroup, ("m", [1])), (ExceptionGroup, ("m", [KeyboardInterrupt()])),
                  (BaseExceptionGroup, ("m", errors)), (BaseExceptionGroup, ("m", (KeyboardInterrupt(),)))]:
    try:
        g = cls(*args)
        print(type(g).__name__, repr(g), str(g), g.message, g.exceptions)
    except (TypeError, ValueError) as e:
        print(cls.__name__, type(e).__name__, e)
group = ExceptionGroup("top", [ValueError(1), TypeError(2), ExceptionGroup("inner", [ValueError(3), KeyError(4)])])
match, rest = group.split(ValueError)
print(repr(match), repr(rest))
print(repr(group.subgroup(lambda e: isinstance(e, KeyError))), group.subgroup(Exception) is group, group.split(OSError)[0])
print(repr(group.derive([ValueError(9)])), isinstance(group, Exception), issubclass(ExceptionGroup, BaseExceptionGroup))
try:
    raise group
except Exception as e:
    print("caught", type(e).__name__, len(e.exceptions))
try:
    raise OSError("root cause")
except OSError as e:
    try:
        raise RuntimeError("wrapped") from e
    except RuntimeError as r:
        errors.append(r)
outer = ExceptionGroup("batch failed", [*errors, ExceptionGroup("retries", [TimeoutError("slow"), KeyError("k")])])
outer.add_note("3 jobs were cancelled")
def handle():
    try:
        raise outer
    except ExceptionGroup:
        raise SystemError("while reporting")
handle()
