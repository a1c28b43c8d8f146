# Rule: ProcessPoolExecutor's workers are forked processes named ForkProcess-N (current_process() says so), taking numbers from the same counter as multiprocessing's own processes.
import concurrent.futures as cf
import multiprocessing as mp


def who(_):
    return mp.current_process().name


if __name__ == "__main__":
    with cf.ProcessPoolExecutor(max_workers=1) as ex:
        print(list(ex.map(who, range(3))))
    p = mp.Process(target=lambda: print("then", mp.current_process().name))
    p.start()
    p.join()
