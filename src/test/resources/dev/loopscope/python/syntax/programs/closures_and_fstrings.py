def outer():
    count = 0
    def inner(a, b=2, /, c=3, *args, d, **kwargs):
        nonlocal count
        count += 1
        return [x * y for x in range(a) if x % 2 for y in (b, c)]
    return inner

if (n := len(sys.argv)) > 2:
    print(f"{n:>{width}} items", end='')
elif n == 1:
    pass
else:
    for i, (k, v) in enumerate(d.items()):
        print(i, k, v, sep=', ')
        break
    else:
        print('empty')
matrix = [[1, 2], [3, 4]][0][1:]
s = 'a' "b" '''c''' r'\d'
