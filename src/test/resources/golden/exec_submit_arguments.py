# Rule: executor.submit(fn, *args, **kwargs) passes positional and keyword arguments to fn; a call with the wrong arguments fails in the worker and its TypeError comes out of result(); submit() and map() without fn are TypeErrors naming the method.
from concurrent.futures import ThreadPoolExecutor


def greet(name, greeting="Hello", *, punct="!"):
    return f"{greeting}, {name}{punct}"


with ThreadPoolExecutor() as ex:
    print(ex.submit(greet, "Ada").result())
    print(ex.submit(greet, "Bob", greeting="Hi", punct="?").result())
    print(ex.submit(greet, name="Cy").result())
    print(list(ex.map(greet, ["Di", "Ed"], ["Hey", "Yo"])))
    for bad in (lambda: ex.submit(), lambda: ex.map(), lambda: ex.map(greet, [1], chunks=2)):
        try:
            bad()
        except TypeError as e:
            print("TypeError:", e)
    f = ex.submit(greet)
    try:
        f.result()
    except TypeError as e:
        print("TypeError from the worker:", e)
