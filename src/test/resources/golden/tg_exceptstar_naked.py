# except* on an exception that is not a group wraps it: the clause sees ExceptionGroup('', (exc,)) (a
# BaseExceptionGroup for KeyboardInterrupt) with no traceback of its own, a bare raise re-raises that wrapper, and
# an unmatched exception goes on unchanged.
try:
    raise ValueError(1)
except* ValueError as e:
    print("wrapped:", repr(e), e.__traceback__)

try:
    try:
        raise ValueError(2)
    except* ValueError:
        raise
except BaseException as e:
    print("re-raised:", repr(e))

try:
    try:
        raise KeyboardInterrupt()
    except* KeyboardInterrupt as e:
        print("base group:", type(e).__name__, repr(e))
        raise
except BaseException as e:
    print("out:", type(e).__name__)

try:
    raise ValueError("plain")
except* TypeError:
    print("not here")
