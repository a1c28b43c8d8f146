# An AttributeError raised by a class's __getattr__ propagates with its own message and frame (hasattr and getattr with a default still treat it as missing), and learns the attribute's name as CPython's does.
class Proxy:
    def __init__(self, target): self._target = target
    def __getattr__(self, name):
        if name.startswith("secret"):
            raise AttributeError(f"{name} is hidden")
        return getattr(self._target, name)
p = Proxy([1, 2])
print(p.count(1), hasattr(p, "push"), hasattr(p, "secret_x"), getattr(p, "push", "dflt"), getattr(p, "secret", 0))
for expr in ["p.push", "getattr(p, 'push')", "p.secret_key", "getattr(p, 'secret2')"]:
    try:
        eval(expr)
    except AttributeError as e:
        print(expr, "->", e, e.name if hasattr(e, "name") else None)
p.secret_value
