# Rule: assigning a non-iterable to a list slice: "can only assign an
# iterable" for a plain slice, "must assign iterable to extended slice" when
# the slice has a step; iterables of any kind replace the slice.
values = [1, 2, 3, 4, 5]
for label, target in [("plain", slice(1, 3)), ("step 2", slice(None, None, 2)), ("step -1", slice(None, None, -1)),
                      ("empty", slice(2, 2)), ("step 1", slice(0, 2, 1))]:
    try:
        values[target] = 7
    except TypeError as e:
        print(f"{label}: {e}")
values[1:3] = "xy"
values[::2] = (10, 20, 30)
values[len(values):] = range(2)
print(values)
try:
    values[::2] = [0]
except ValueError as e:
    print(e)
values[0:1] = None
