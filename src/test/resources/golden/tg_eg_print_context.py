# An exception group raised while handling another: the context prints first (a group with its boxes), then
# "During handling of the above exception, another exception occurred:"; inside a box a sub-exception's
# context prints the same way, and an exception already shown is not printed twice.
def inner():
    raise ExceptionGroup("inner", [ValueError(1), KeyError(2)])


try:
    inner()
except ExceptionGroup as g:
    try:
        raise TypeError("during")
    except TypeError as t:
        raise ExceptionGroup("outer", [t, g])
