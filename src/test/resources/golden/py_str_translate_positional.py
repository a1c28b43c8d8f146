# Rule: str.maketrans/str.translate (mapping to str, int or None; missing
# keys keep the character) and the str methods whose arguments are
# positional only: a keyword is a TypeError naming the method.
table = str.maketrans("abc", "xyz", "d")
print(sorted(table.items()), "abcdd-cab".translate(table), "hello".translate({ord("l"): None, ord("h"): "J"}))
print("x".maketrans({"a": "b", 98: None}) == {97: "b", 98: None}, "tab\there".translate({9: "    "}))
for args in [(), ("ab", "c"), ({"ab": 1},), ({1.5: 1},), (5,), ("a", 5), ("a", "b", "c", "d")]:
    try:
        print(str.maketrans(*args))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for table in [{97: 1.5}, {97: -1}, [None], {97: 0x110000}]:
    try:
        print(repr("ab".translate(table)))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
calls = [("replace", ("a", "b"), {"count": 1}), ("count", (), {"sub": "a"}), ("find", (), {"sub": "a"}),
         ("index", ("a",), {"start": 0}), ("rfind", ("a",), {"end": 1}), ("startswith", (), {"prefix": "a"}),
         ("center", (5,), {"fillchar": "*"}), ("zfill", (), {"width": 3}), ("strip", (), {"chars": "a"}),
         ("partition", (), {"sep": "a"}), ("join", (), {"iterable": "ab"}), ("split", (), {"sep": "a", "maxsplit": 1}),
         ("splitlines", (), {"keepends": True}), ("expandtabs", (), {"tabsize": 2}), ("removeprefix", (), {"prefix": "a"})]
for name, args, kw in calls:
    try:
        print(name, repr(getattr("abca", name)(*args, **kw)))
    except TypeError as e:
        print(name, "TypeError", e)
