# Rule: a multiprocessing.Array is shared: each child writes its own slots and the parent reads them all after join(); slices give lists and an index out of range raises IndexError through sharedctypes.py.
import multiprocessing as mp


def fill(arr, index, value):
    arr[index] = value * value


if __name__ == "__main__":
    arr = mp.Array("i", 5)
    procs = [mp.Process(target=fill, args=(arr, i, i + 1)) for i in range(5)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print(arr[:], len(arr), arr[-1], arr[1:3])
    floats = mp.Array("d", [0.5, 1.5])
    print(floats[:], sum(floats[:]))
    arr[5] = 0
