# Rule: a lambda cannot be pickled by reference (its name is not a module attribute), so a Pool refuses it with _pickle.PicklingError, while a Process (forked, not pickled) runs one.
import multiprocessing as mp

if __name__ == "__main__":
    with mp.Pool(1) as pool:
        try:
            pool.map(lambda x: x + 1, [1, 2])
        except Exception as e:
            print(type(e).__module__, type(e).__name__)
            print(str(e).split(": ", 1)[1])
    p = mp.Process(target=lambda: print("a lambda runs in a forked child"))
    p.start()
    p.join()
    print(p.exitcode)
