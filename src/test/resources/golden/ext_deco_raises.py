# Rule: a decorator that raises while the def is being decorated: the traceback shows the
# decorator's line (the name after "@" underlined), then the decorator's frame; decorators
# listed above it are never applied and the name is never bound.
def announce(f):
    print("announce", f.__name__)
    return f


def check_name(f):
    print("checking", f.__name__)
    if not f.__name__.startswith("task_"):
        raise NameError(f"bad task name: {f.__name__}")
    return f


@announce
@check_name
def task_ok():
    pass


print("defined task_ok")


@announce
@check_name
def helper():
    pass


print("never printed")
