# Rule: a builtin that consumes a generator (list, sum, sorted, str.join...) runs
# it in the calling thread; an exception raised inside the generator propagates
# through the builtin call: the traceback shows the line that called the builtin,
# then the generator's frames (no frame for the builtin itself).
def numbers(n):
    for i in range(n):
        yield i
    raise ValueError(f"no more numbers after {n}")


def words(n):
    for w in "abcdefgh"[:n]:
        yield w
    raise KeyError(n)


errors = []


def attempt(label, consume):
    try:
        result = consume()
    except Exception as e:
        print(f"{label}: {type(e).__name__}")
        errors.append(e)
    else:
        print(f"{label}: {result}")


attempt("list", lambda: list(numbers(3)))
attempt("tuple", lambda: tuple(numbers(1)))
attempt("set", lambda: set(numbers(2)))
attempt("frozenset", lambda: frozenset(numbers(0)))
attempt("dict", lambda: dict((i, i * i) for i in numbers(2)))
attempt("sum", lambda: sum(numbers(4)))
attempt("sum of floats", lambda: sum(i / 2 for i in numbers(3)))
attempt("min", lambda: min(numbers(2)))
attempt("max with key", lambda: max(numbers(3), key=lambda i: -i))
attempt("max default", lambda: max(numbers(0), default=None))
attempt("sorted", lambda: sorted(numbers(2), reverse=True))
attempt("any", lambda: any(i > 5 for i in numbers(3)))
attempt("all", lambda: all(i < 5 for i in numbers(3)))
attempt("any stops early", lambda: any(i > 0 for i in numbers(3)))
attempt("join", lambda: ", ".join(words(2)))
items = [10]
attempt("list.extend", lambda: items.extend(numbers(2)))
print("extended so far:", items)
table = {}
attempt("dict.update", lambda: table.update((w, len(w)) for w in words(2)))
print("updated so far:", table)
seen = {0}
attempt("set.update", lambda: seen.update(numbers(3)))
print("added so far:", sorted(seen))
attempt("enumerate", lambda: list(enumerate(words(2))))
attempt("zip", lambda: list(zip(numbers(5), words(2))))
attempt("map", lambda: list(map(str, numbers(2))))
attempt("filter", lambda: list(filter(None, numbers(3))))
attempt("in", lambda: 9 in numbers(2))


def unpack_two():
    first, second = numbers(2)
    return first, second


def unpack_star():
    first, *rest = numbers(3)
    return first, rest


attempt("unpacking", unpack_two)
attempt("starred unpacking", unpack_star)
attempt("list display", lambda: [*numbers(2), 99])
attempt("call with *", lambda: print(*words(3), sep="+"))

for earlier, later in zip(errors, errors[1:]):
    later.__cause__ = earlier
raise errors[-1]
