# Exception groups nested more than ten levels deep print "... (max_group_depth is 10)" in place of the deeper
# levels; every level carries its own traceback of the frames it was raised through.
def nest(n):
    if n == 0:
        return ExceptionGroup("leaf group", [ValueError(0), TypeError(0)])
    try:
        raise ExceptionGroup(f"level {n}", [nest(n - 1), KeyError(n)])
    except ExceptionGroup as g:
        return g


raise nest(11)
