# X | Y of classes makes a types.UnionType: its repr, equality, __args__ and use in isinstance/issubclass.
class Job:
    pass
Number = int | float
print(Number, type(Number), Number.__args__, Number == (float | int), int | int, int | str | int)
print(Job | None, None | Job, list[int] | None, (int | str) | (str | float))
print(isinstance(3, Number), isinstance("3", Number), isinstance(None, Job | None), issubclass(bool, Number))
def parse(text: str | None = None) -> int | None:
    return None if text is None else int(text)
print(parse("7"), parse(), parse.__annotations__)
for expr in ["int | 3", "'x' | int", "isinstance([], list[int] | None)"]:
    try:
        print(eval(expr))
    except TypeError as e:
        print(expr, "->", e)
