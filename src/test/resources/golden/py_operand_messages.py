# Error messages of builtins met in everyday code: concatenation with instances, sort keywords, enumerate, str.
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __radd__(self, other):
        return NotImplemented
class Tag:
    pass
for expr in ["'x' + Money(1)", "[1] + Tag()", "(1,) + Tag()", "'x' * Tag()",
             "sorted([2, 1], reversed=True)", "[3].sort(cmp=None)",
             "enumerate()", "enumerate(start=1)", "enumerate([], begin=2)", "enumerate([], 1, 2)",
             "str(1, 2)", "str(5, 'utf-8')", "str('a', 'utf-8')", "str(x=1)",
             "Tag().method", "Money(1).__radd__.missing"]:
    try:
        print(expr, "->", eval(expr))
    except (TypeError, AttributeError) as e:
        print(expr, "->", type(e).__name__, e)
for spec in ["08", "010", "<08", "0>8", "^09"]:
    print(repr(format("abc", spec)), repr(format(12, spec)))
print(f"{'id':06}|{'name':010}|")
