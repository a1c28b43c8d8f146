# except* clauses split an exception group: each clause gets the matching part (keeping the group's structure,
# nested groups included), sys.exception() is that part inside the clause, and what no clause matches is raised
# again after the clauses; else and finally run as with except.
import sys


def make():
    return ExceptionGroup("top", [
        ValueError("v1"),
        ExceptionGroup("mid", [TypeError("t1"), ValueError("v2"), KeyError("k")]),
        OSError("o"),
    ])


try:
    raise make()
except* (ValueError, KeyError) as e:
    print("VK", repr(e))
    print("sys.exception():", repr(sys.exception()))
except* TypeError as e:
    print("T", repr(e))
except* OSError:
    print("O")
else:
    print("else")
finally:
    print("finally")
print("after", sys.exception())


def only_values():
    try:
        raise make()
    except* ValueError:
        print("only values handled")
    return "not returned"


try:
    only_values()
except ExceptionGroup as eg:
    print("left over:", repr(eg))
    print("traceback lines:", eg.__traceback__.tb_lineno, eg.__traceback__.tb_next.tb_lineno)

try:
    pass
except* ValueError:
    print("no")
else:
    print("else runs when nothing was raised")
