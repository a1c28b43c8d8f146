# Raising inside except* clauses: new exceptions are collected beside the unhandled rest into a new
# ExceptionGroup('', [...]) (its own context is the part the clause handled); a bare `raise` puts the handled part
# back in its original place; with only one new exception and nothing left over it is raised alone.
def show(label, e):
    print(label, repr(e))
    for s in getattr(e, "exceptions", ()):
        print("   ", repr(s), "context:", repr(s.__context__))


try:
    try:
        raise ExceptionGroup("x", [ValueError(1), TypeError(2), OSError(3)])
    except* ValueError:
        raise KeyError("new")
    except* TypeError:
        raise
except BaseExceptionGroup as e:
    show("two", e)

try:
    try:
        raise ExceptionGroup("x", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("alone")
    except* TypeError:
        pass
except KeyError as e:
    show("alone", e)

try:
    try:
        eg = ExceptionGroup("noted", [ValueError(1), TypeError(2)])
        eg.add_note("a note")
        raise eg
    except* ValueError:
        raise
except ExceptionGroup as e:
    show("reraised with note", e)
    print("   notes:", e.__notes__)

try:
    raise ExceptionGroup("x", [ValueError(1), TypeError(2)])
except* ValueError:
    raise KeyError(3)
