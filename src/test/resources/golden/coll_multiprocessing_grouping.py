# multiprocessing pool results grouped with defaultdict
from multiprocessing import Pool
from collections import defaultdict, Counter
def classify(n):
    return ("even" if n % 2 == 0 else "odd", n)
if __name__ == "__main__":
    with Pool(2) as p:
        pairs = p.map(classify, range(8))
    groups = defaultdict(list)
    for k, v in pairs:
        groups[k].append(v)
    print(groups, Counter(k for k, _ in pairs))
