# BaseExceptionGroup picks its class from its members (ExceptionGroup when all are Exceptions); an uncaught
# BaseExceptionGroup holding KeyboardInterrupt is printed like any group and the exit status is 1.
print(type(BaseExceptionGroup("b", [ValueError()])).__name__)
print(type(BaseExceptionGroup("b", [KeyboardInterrupt(), ValueError()])).__name__)
try:
    ExceptionGroup("e", [KeyboardInterrupt()])
except TypeError as e:
    print(e)
for args in [("m", []), ("m", [1]), (1, [ValueError()]), ("m", ValueError())]:
    try:
        ExceptionGroup(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
raise BaseExceptionGroup("top", [KeyboardInterrupt(), ValueError("v")])
