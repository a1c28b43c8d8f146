# Errors a class statement reports: duplicate bases, an impossible MRO (CPython breaks its message in two lines), a base that is no class.
class Base:
    pass
class Child(Base):
    pass
def try_class(bases):
    try:
        exec(f"class X({bases}):\n    pass\n")
        print(bases, "-> ok")
    except TypeError as e:
        print(bases, "->", e)
for bases in ["Base, Base", "Base, Child", "Child, Base", "1", "'name'", "None", "1.5", "Base, 1"]:
    try_class(bases)
print(type(None)(), type(...)(), type(NotImplemented)())
for t in [type(None), type(...), type(NotImplemented)]:
    try:
        t(1)
    except TypeError as e:
        print(e)
def outer():
    count = 0
    def bump(step):
        nonlocal count
        count += step
        return count
    return bump
bump = outer()
print(bump.__code__.co_freevars, bump.__code__.co_varnames, outer.__code__.co_cellvars, bump.__code__.co_argcount)
print(input.__name__)
try:
    input("a", "b")
except TypeError as e:
    print(e)
for text in ["١٢.٥", "\u00a02.5\u2003", "۳e2"]:
    print(repr(text), float(text), int(text.strip().split(".")[0].replace("e2", "")))
