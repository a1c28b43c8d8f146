# except* refuses ExceptionGroup (or a tuple holding it) as the type to match, and anything that is not an
# exception class, with CPython's TypeErrors (raised while the exception is being handled, so chained to it).
for types in [ExceptionGroup, (ValueError, BaseExceptionGroup), int, (ValueError, 3)]:
    try:
        try:
            raise ValueError(1)
        except* types:
            print("caught")
    except TypeError as e:
        print("TypeError:", e, "context:", repr(e.__context__))

try:
    raise ExceptionGroup("eg", [ValueError(1)])
except* ExceptionGroup:
    pass
