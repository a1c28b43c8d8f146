def level3(d):
    return d["missing"]
def level2(d):
    return level3(d) + 1
def level1():
    data = {"a": 1}
    try:
        level2(data)
    except KeyError as e:
        raise RuntimeError("lookup failed") from e
level1()
