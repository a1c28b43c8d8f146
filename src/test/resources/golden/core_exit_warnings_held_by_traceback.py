# At exit, never-awaited coroutines kept by the uncaught exception's frames are freed first, while the warnings
# module still works: after an earlier warning they suggest tracemalloc; coroutines kept by module variables are
# freed later, with the modules, and warned about without it (a name already warned about is not repeated).
async def fetch(n):
    return n


async def store(n):
    return n


fetch(0)
pending = [store(1), fetch(2)]


def submit(job):
    raise ValueError(f"cannot submit {len(pending)} jobs")


submit(fetch(3))
