# Rule: key functions of sorted(), list.sort(), min() and max() (and the
# functions of map() and filter()) run in the calling thread, one call per item
# in order; an exception in one propagates through the builtin, with the
# caller's line and the key function's frame in the traceback. list.sort()
# leaves the list as it was, and the list looks empty to the key function.
import functools


def parse(text):
    print("  key", repr(text))
    return int(text)


errors = []


def attempt(label, run):
    print(label)
    try:
        result = run()
    except Exception as e:
        print(f"  -> {type(e).__name__}: {e}")
        errors.append(e)
    else:
        print("  ->", result)


attempt("sorted", lambda: sorted(["10", "9", "x", "8"], key=parse))
attempt("sorted generator", lambda: sorted((s for s in ["3", "1"]), key=parse, reverse=True))
attempt("min", lambda: min(["4", "2", "two"], key=parse))
attempt("max", lambda: max(iter(["5", "", "6"]), key=parse))
attempt("max default", lambda: max([], key=parse, default="nothing"))
values = ["3", "1", "oops", "2"]
attempt("list.sort", lambda: values.sort(key=parse))
print("after failed sort:", values)


def peek(x):
    print("  list while sorting:", values)
    return x


attempt("list.sort sees empty list", lambda: values.sort(key=peek))
attempt("map", lambda: list(map(parse, ["1", "2.5"])))
attempt("filter", lambda: list(filter(lambda s: parse(s) > 1, ["1", "2", "three"])))
attempt("reduce", lambda: functools.reduce(lambda a, b: a + parse(b), ["1", "2", "x"], 0))
attempt("sorted compare", lambda: sorted([3, "1", 2], key=lambda v: v))

for earlier, later in zip(errors, errors[1:]):
    later.__cause__ = earlier
raise errors[-1]
