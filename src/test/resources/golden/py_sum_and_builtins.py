# Rule: sum of floats (3.12 uses compensated summation), min/max/sum/len/
# range/enumerate/zip/round behaviour relied on by lesson code.
print(sum([0.1] * 10), sum([0.1] * 10) == 1.0, 0.1 * 10)
print(sum([0.1, 0.2, 0.3]), 0.1 + 0.2 + 0.3, sum([1e16, 1.0, -1e16]))
t = 0.0
for i in range(10):
    t += 0.1
print("loop total:", t, round(t, 2))
print(sum(range(101)), sum([]), sum([1.5, 2.5]), sum([1, 2.0]), sum([True, True, 1]))
print(len(range(0, 100, 7)), [v for v in range(3)], [v for v in range(5, 0, -2)], range(4), range(1, 9, 2))
print(max([3, 1, 2]), min(["hello", "abc"]), max("a", "b"), min([2.5, 2]), max([-1, -1.0]))
print([p for p in zip([1, 2, 3], ["a", "b"])], [i * v for i, v in enumerate([5, 6, 7])])
print(round(0.1 + 0.2, 10), round(1234.5), round(1235.5), round(-0.5), round(2.345, 2))
print(str(10 / 4), int(10 / 4), float(10 // 4), 10 // 4.0, 2 * 0.5 == 1)
averages = [sum(x) / len(x) for x in [[1, 2], [1, 2, 4], [0.1, 0.2]]]
print(averages)
print([f"{a:.2f}" for a in averages], sum(averages) / len(averages))
