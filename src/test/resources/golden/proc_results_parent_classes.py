# Rule: results and exceptions coming back from a process-pool worker are unpickled in the parent, so instances of the program's own classes are instances of the parent's classes: isinstance() holds and `except AppError` catches them, attributes included.
from concurrent.futures import ProcessPoolExecutor


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code


def make(i):
    return [Point(i, i * i), {"p": Point(0, i)}]


def fail(code):
    raise AppError(code, "failed")


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=1) as ex:
        pts = ex.submit(make, 3).result()
        print(pts, type(pts[0]) is Point, isinstance(pts[1]["p"], Point))
        try:
            ex.submit(fail, 7).result()
        except AppError as e:
            print("caught", type(e).__name__, e.args, e.code)
        print([type(p).__name__ for p, _ in ex.map(make, range(2))])
