# split and subgroup rebuild a group through its derive() method: a subclass that overrides derive keeps its
# class in the parts, also in except*; without an override the parts are plain ExceptionGroups. Each part keeps
# the original's traceback, chaining and a copy of its notes.
class Tagged(ExceptionGroup):
    def derive(self, excs):
        return Tagged(self.message + "!", excs)


class Plain(ExceptionGroup):
    pass


g = Tagged("mine", [ValueError(1), TypeError(2)])
print(repr(g.split(ValueError)))
print(repr(g.subgroup(TypeError)))
p = Plain("plain", [ValueError(1), TypeError(2)])
print(repr(p.split(ValueError)))
print(p.subgroup(lambda e: isinstance(e, Plain)) is p)

try:
    raise g
except* ValueError as e:
    print("VE", repr(e))
except* TypeError as e:
    print("TE", repr(e))

try:
    raise ValueError("cause")
except ValueError as c:
    eg = ExceptionGroup("chained", [KeyError(1), OSError(2)])
    eg.__cause__ = c
    eg.add_note("shared note")
match, rest = eg.split(KeyError)
print(match.__cause__ is c, rest.__cause__ is c, match.__notes__, match.__notes__ is eg.__notes__)
match.add_note("only on the match")
print(eg.__notes__, match.__notes__)
