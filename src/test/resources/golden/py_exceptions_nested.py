# Rule: nested try blocks: an inner handler re-raises with a bare raise,
# inner finally runs before the outer handler, outer finally before return;
# repr/str of exceptions with several or no arguments.
def risky():
    raise ValueError("bad value")


def outer():
    try:
        try:
            risky()
        except ValueError:
            print("inner handler re-raises")
            raise
        finally:
            print("inner finally")
    except ValueError as e:
        print("outer caught", e)
        return "handled"
    finally:
        print("outer finally")


print(outer())
print(repr(Exception("a", 2)), str(Exception("a", 2)), repr(Exception()), str(KeyError("a b")))
