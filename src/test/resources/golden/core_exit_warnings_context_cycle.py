# An uncaught exception whose __context__ chain was made into a cycle by assignment: the traceback prints each
# exception once, and the never-awaited coroutine kept by a module variable is still warned about at exit.
async def work():
    return 1
a = ValueError("a")
b = KeyError("b")
a.__context__ = b
b.__context__ = a
w = work()
raise a
