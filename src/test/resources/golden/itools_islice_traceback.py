# an uncaught error from a generator inside islice shows the generator's frame
import itertools
def readings():
    yield 1.0
    yield 2.5
    raise RuntimeError("sensor offline")
for r in itertools.islice(readings(), 5):
    print("reading", r)
