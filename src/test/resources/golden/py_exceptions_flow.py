# Rule: try/except/else/finally order, except tuples, "as e", bare raise,
# str/repr/args of the exception types in the subset.
def risky(kind):
    if kind == "value":
        raise ValueError("bad value")
    if kind == "key":
        return {}["missing"]
    if kind == "zero":
        return 1 // 0
    if kind == "runtime":
        raise RuntimeError()
    if kind == "timeout":
        raise TimeoutError("too slow")
    return "ok"

for kind in ["none", "value", "key", "zero", "runtime", "timeout"]:
    try:
        r = risky(kind)
    except (ValueError, KeyError) as e:
        print(f"{kind}: value/key {type(e).__name__} str={str(e)!r} repr={e!r} args={e.args}")
    except ZeroDivisionError as e:
        print(f"{kind}: zero {e}")
    except Exception as e:
        print(f"{kind}: other {type(e).__name__} {e!r} {isinstance(e, (ValueError, TimeoutError))}")
    else:
        print(f"{kind}: no error, got {r}")
    finally:
        print(f"{kind}: finally")
