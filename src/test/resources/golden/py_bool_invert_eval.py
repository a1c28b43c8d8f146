# The DeprecationWarning for ~ on a bool: at run time where it runs (no source line for exec'd code), and for a constant folded while exec() or eval() compile, at their caller's line; never for a constant in the main module.
print(~True)
flag = True
print(~flag)
print(eval("~True"))
exec("y = ~False")
print(eval("~flag"), y)
def helper():
    return eval("~True")
print(helper(), helper())
