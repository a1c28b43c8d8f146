# Notes and chained exceptions inside exception groups: each sub-exception prints its own cause chain inside its
# box, notes (several lines, non-string notes, a __notes__ that is not a list) print behind the box margin, and
# the group itself can be the cause of an exception printed after it.
def fail(i):
    try:
        raise OSError(i, "inner")
    except OSError as e:
        raise ValueError(f"v{i}") from e


errs = []
for i in range(2):
    try:
        fail(i)
    except ValueError as e:
        e.add_note(f"note for {i}")
        e.add_note("second note\nwith two lines")
        errs.append(e)
odd = TypeError("odd notes")
odd.__notes__ = ["assigned", 42]
errs.append(odd)
g = ExceptionGroup("with causes", errs)
g.add_note("group note")
weird = ExceptionGroup("weird", [KeyError("k")])
weird.__notes__ = "not a list"
try:
    odd.add_note(1)
except TypeError as e:
    print(e)
try:
    weird.add_note("x")
except TypeError as e:
    print(e)
try:
    raise ExceptionGroup("outer", [g, weird])
except ExceptionGroup as eg:
    raise RuntimeError("wrapper") from eg
