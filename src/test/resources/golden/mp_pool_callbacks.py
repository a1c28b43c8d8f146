# Rule: apply_async/map_async call callback with the result, or error_callback with the exception, in the parent's result-handler thread before the AsyncResult is ready.
import multiprocessing as mp
import threading


def divide(a, b):
    return a / b


def on_result(value):
    print("callback:", value, "in", threading.current_thread().name)


def on_error(exc):
    print("error_callback:", repr(exc), "in", threading.current_thread().name)


if __name__ == "__main__":
    with mp.Pool(2) as pool:
        r1 = pool.apply_async(divide, (1, 4), callback=on_result, error_callback=on_error)
        r1.wait()
        r2 = pool.apply_async(divide, (1, 0), callback=on_result, error_callback=on_error)
        r2.wait()
        print(r1.successful(), r2.successful())
        m = pool.map_async(abs, [-1, -2], callback=on_result)
        m.wait()
        m2 = pool.starmap_async(divide, [(1, 1), (1, 0)], error_callback=on_error)
        m2.wait()
        print(m2.ready(), m2.successful())
