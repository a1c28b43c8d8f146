# Rule: printf-style % formatting errors: only "%%" itself is a literal
# percent (with a key, flags or width '%' takes an argument and is an
# unsupported format character), a %(key) value leaves no positional
# argument for a later %s, %c checks its range and type.
cases = [("%5%", ()), ("%%", ()), ("%5%", (1,)), ("%-5%|", (1,)), ("%.3%", ()), ("%(a)%", {"a": 1}),
         ("%s %5%", (1,)), ("x%5%y", 3), ("%c", "ab"), ("%c", -1), ("%c", 3.5), ("%c", 1114112), ("%c", 1114111),
         ("%(a)s %(b)s", {"a": 1, "b": 2}), ("%s %(a)s", {"a": 1}), ("%(a)s %s", {"a": 1}), ("%s", {"a": 1}),
         ("%d%%", 50), ("%c%c", (72, 105)), ("%(a)s", (1,))]
for fmt, arg in cases:
    try:
        print(f"{fmt!r:<14} {fmt % arg!r}")
    except (TypeError, ValueError, OverflowError, KeyError) as e:
        print(f"{fmt!r:<14} {type(e).__name__}: {e}")
print("%(n)d%% done, %s" % {"n": 50})
