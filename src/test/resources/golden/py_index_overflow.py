# Ints too large for an index: IndexError in subscripts ("cannot fit 'int' into an index-sized integer", range's own message), OverflowError in method arguments, repetition and len().
for e in ['[1][2**70]', '[1][-2**70]', '"ab"[2**64]', '(1,)[2**63]', 'range(10)[2**70]', '[0] * 2**70',
          '[].pop(2**70)', '"x".center(2**70)', '[1].insert(2**70, 1)', 'list(range(3))[1:2**70]', 'chr(2**70)']:
    try:
        print(e, "->", eval(e))
    except (IndexError, OverflowError) as x:
        print(e, "->", type(x).__name__, x)
class Huge:
    def __len__(self):
        return 2**70
class Truthy:
    def __len__(self):
        return True
try:
    len(Huge())
except OverflowError as x:
    print("OverflowError", x)
print(len(Truthy()))
