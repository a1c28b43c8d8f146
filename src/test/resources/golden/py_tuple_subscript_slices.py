# Slices among the items of a tuple subscript (grid[1:3, 0], m[::2, ...]) reach __getitem__ as a tuple of slice objects.
class Grid:
    def __init__(self, rows):
        self.rows = rows
    def __getitem__(self, key):
        if isinstance(key, tuple):
            r, c = key
            rows = self.rows[r] if isinstance(r, slice) else [self.rows[r]]
            return [row[c] for row in rows]
        return self.rows[key]
    def __setitem__(self, key, value):
        print("set", key, value)
g = Grid([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
print(g[1], g[0:2, 1], g[::2, 0:2], g[2, ::-1], g[1:, -1])
g[1:2, 3] = 0
g[::2, ...] = None
class Echo:
    def __getitem__(self, key):
        return key
e = Echo()
print(e[1:2, 3], e[:, None], e[1:2:3, ::], e[..., 1:])
